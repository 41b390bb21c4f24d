import type { TFunction } from 'i18next';

/**
 * What a person types as an amount, as the API's Decimal string: "1,000.50", "1000.5",
 * "¥ 1 000", "１０００" all read as money; thousands separators must sit every three digits.
 * Returns null when it is not an amount (or has more places than the currency, `places`).
 */
export function parseMoney(input: string | number | null | undefined, places = 2): string | null {
  if (input == null) return null;
  let s = String(input)
    .normalize('NFKC') // full-width digits and commas (１，０００．５) become ASCII
    .trim()
    .replace(/^[¥$€￥]|(CNY|RMB|USD|EUR|元)$/gi, '')
    .trim()
    .replace(/[\s\u00a0]/g, '');
  if (!s) return null;
  if (/,/.test(s)) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return null;
    s = s.replace(/,/g, '');
  }
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return null;
  const [, int, frac = ''] = m;
  if (frac.length > places) return null;
  const whole = int.replace(/^0+(?=\d)/, '');
  return places > 0 ? `${whole}.${frac.padEnd(places, '0')}` : whole;
}

/** An antd Form rule for an amount input (required unless `optional`). */
export function moneyRule(t: TFunction, { optional = false, places = 2 } = {}) {
  return {
    validator: async (_: unknown, value: unknown) => {
      if ((value == null || value === '') && optional) return;
      if (parseMoney(value as string, places) === null) throw new Error(t('errors.money'));
    },
  };
}
