import { parseMoney } from './money';

describe('amounts as people type them', () => {
  it('reads thousands separators and short decimals', () => {
    expect(parseMoney('1,000.50')).toBe('1000.50');
    expect(parseMoney('1000.5')).toBe('1000.50');
    expect(parseMoney('1000')).toBe('1000.00');
    expect(parseMoney('12,345,678')).toBe('12345678.00');
    expect(parseMoney(' ¥ 1,000 ')).toBe('1000.00');
    expect(parseMoney('０.５')).toBe('0.50');
    expect(parseMoney('1，000.50')).toBe('1000.50');
    expect(parseMoney('.5')).toBe(null);
    expect(parseMoney('007')).toBe('7.00');
  });
  it('refuses what is not an amount', () => {
    expect(parseMoney('1,00.50')).toBe(null);
    expect(parseMoney('1.005')).toBe(null);
    expect(parseMoney('abc')).toBe(null);
    expect(parseMoney('-5')).toBe(null);
    expect(parseMoney('')).toBe(null);
    expect(parseMoney('1.2.3')).toBe(null);
  });
  it('follows the currency exponent', () => {
    expect(parseMoney('1000', 0)).toBe('1000');
    expect(parseMoney('1000.5', 0)).toBe(null);
  });
});
