import dayjs from 'dayjs';

export interface MoneyLike {
  amount: string;
  currency: string;
}

/** Money amounts are decimal strings: format without ever going through a float sum. */
export function formatMoney(m: MoneyLike | null | undefined, lang = 'zh-CN'): string {
  if (!m) return '—';
  const [intPart, frac = ''] = String(m.amount).split('.');
  const neg = intPart.startsWith('-');
  const digits = neg ? intPart.slice(1) : intPart;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (frac + '00').slice(0, 2);
  const symbol = m.currency === 'CNY' ? '¥' : m.currency === 'USD' ? '$' : m.currency === 'EUR' ? '€' : '';
  const body = `${neg ? '-' : ''}${symbol}${grouped}.${cents}`;
  return symbol ? body : lang === 'en' ? `${body} ${m.currency}` : `${body} ${m.currency}`;
}

export function formatDate(v: string | null | undefined): string {
  return v ? dayjs(v).format('YYYY-MM-DD') : '—';
}

export function formatDateTime(v: string | null | undefined): string {
  return v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—';
}

/** Adds decimal strings exactly (as integer minor units with up to 4 places). */
export function sumDecimals(values: readonly (string | null | undefined)[]): string {
  const SCALE = 4;
  let total = 0n;
  for (const v of values) {
    if (!v) continue;
    const neg = v.trim().startsWith('-');
    const [i, f = ''] = v.trim().replace('-', '').split('.');
    const units = BigInt(i || '0') * 10n ** BigInt(SCALE) + BigInt((f + '0000').slice(0, SCALE) || '0');
    total += neg ? -units : units;
  }
  const neg = total < 0n;
  const abs = neg ? -total : total;
  const s = abs.toString().padStart(SCALE + 1, '0');
  const out = `${s.slice(0, -SCALE)}.${s.slice(-SCALE)}`.replace(/\.?0+$/, '');
  return `${neg ? '-' : ''}${out.includes('.') ? out : out}`;
}
