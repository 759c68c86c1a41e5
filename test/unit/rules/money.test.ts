import { describe, expect, it } from 'vitest';
import { fenToYuan, formatYuan, percentOfFen, sumFen, yuanToFen } from '#shared/money.ts';

describe('money in fen', () => {
  it('turns yuan with two decimals into whole fen without float drift', () => {
    expect(yuanToFen(0.1) + yuanToFen(0.2)).toBe(30);
    expect(yuanToFen(1234.56)).toBe(123456);
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(3333333.37)).toBe(333333337);
    expect(fenToYuan(123456)).toBe(1234.56);
  });

  it('takes a percentage rounded down, so a voucher never exceeds the rate', () => {
    expect(percentOfFen(33333, 30)).toBe(9999);
    expect(percentOfFen(100, 30)).toBe(30);
    expect(percentOfFen(0, 30)).toBe(0);
  });

  it('sums and formats like a Chinese form', () => {
    expect(sumFen([1, 2, 3])).toBe(6);
    expect(sumFen([])).toBe(0);
    expect(formatYuan(100000000)).toBe('¥1,000,000.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(-12345)).toBe('-¥123.45');
  });
});
