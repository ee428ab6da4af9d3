/**
 * How analysis figures are rounded for reports and written in explanations. Rounding happens only at the
 * edges (report objects and text); the analysis itself keeps full precision.
 */

/** Decimal places kept in the JSON report. */
export const REPORT_DECIMALS = 4;

/** Rounds to a fixed number of decimal places (default REPORT_DECIMALS); −0 becomes 0. */
export function round(value: number, decimals = REPORT_DECIMALS): number {
  // Beyond 1e15 a double has no decimals left to round, and value × 10^decimals could overflow.
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) return value;
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return r === 0 ? 0 : r;
}

export function roundOrNull(value: number | null, decimals = REPORT_DECIMALS): number | null {
  return value === null ? null : round(value, decimals);
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/**
 * A number for people to read: 4 significant digits below 100, one decimal from 100 up (19.83, 580.2,
 * 0.2564). Written with arithmetic rather than toPrecision, which is several times slower, because
 * explanations of a large workflow format hundreds of thousands of numbers.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return String(Math.round(value * 10) / 10);
  if (abs < 1e-4) return value.toExponential(2);
  const decimals = abs >= 10 ? 2 : abs >= 1 ? 3 : 3 - Math.floor(Math.log10(abs));
  const f = POW10[decimals] ?? 10 ** decimals;
  // An integer divided by a power of ten is the double nearest the decimal, so String gives the decimal.
  return String(Math.round(value * f) / f);
}

/** A share as a percentage with one decimal: 0.8954 → "89.5%". */
export function formatPercent(value: number | null): string {
  if (value === null) return 'n/a';
  if (!Number.isFinite(value)) return String(value);
  const tenths = Math.round(value * 1000);
  const abs = Math.abs(tenths);
  return `${tenths < 0 ? '-' : ''}${(abs - (abs % 10)) / 10}.${abs % 10}%`;
}

/** A whole number with thousands separators, independent of the locale: 12345.6 → "12,346". */
export function formatInteger(value: number): string {
  const s = String(Math.round(Math.abs(value)));
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return value < 0 && grouped !== '0' ? `-${grouped}` : grouped;
}

/** A money amount with two decimals and thousands separators (no currency: the model has none). */
export function formatMoney(value: number): string {
  const [whole, cents] = Math.abs(round(value, 2)).toFixed(2).split('.');
  const grouped = (whole ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 && round(value, 2) !== 0 ? '-' : ''}${grouped}.${cents ?? '00'}`;
}

/** Minutes with one decimal, for text reports: 2.283 → "2.3". */
export function formatMinutes(value: number): string {
  return round(value, 1).toFixed(1);
}
