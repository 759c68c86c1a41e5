/**
 * Money as integer fen (1 yuan = 100 fen). Amounts enter in yuan with at most two decimals and are turned into
 * fen at once, so sums and percentages never meet floating-point drift.
 */

/** Integer fen. */
export type Fen = number;

/**
 * Converts yuan (at most two decimals) to integer fen.
 * @example yuanToFen(1234.56) === 123456
 */
export function yuanToFen(yuan: number): Fen {
  return Math.round(yuan * 100);
}

/** Converts integer fen back to yuan for display or JSON. @example fenToYuan(123456) === 1234.56 */
export function fenToYuan(fen: Fen): number {
  return fen / 100;
}

/**
 * `percent` % of an amount, rounded down to the fen: the guide caps the voucher at "不超过" the percentage,
 * so a fraction of a fen is never granted.
 * @example percentOfFen(33333, 30) === 9999
 */
export function percentOfFen(fen: Fen, percent: number): Fen {
  return Math.floor((fen * percent) / 100);
}

/** Sums amounts in fen. */
export function sumFen(amounts: readonly Fen[]): Fen {
  return amounts.reduce((total, amount) => total + amount, 0);
}

/**
 * Formats fen as yuan the way a Chinese form writes it.
 * @example formatYuan(100000000) === '¥1,000,000.00'
 */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${sign}¥${whole}.${cents}`;
}
