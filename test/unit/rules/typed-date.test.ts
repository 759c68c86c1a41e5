import { describe, expect, it } from 'vitest';
import { toHalfWidth } from '#shared/half-width.ts';
import { looksFinished, parseTypedDate } from '#shared/typed-date.ts';

describe('a date as the clerk types it', () => {
  it('takes the forms a clerk writes, whatever the locale', () => {
    for (const typed of [
      '2025-12-31',
      '2025/12/31',
      '20251231',
      '2025.12.31',
      '2025年12月31日',
      ' 2025 / 12 / 31 ',
      '２０２５－１２－３１',
    ]) {
      expect(parseTypedDate(typed)).toEqual({ kind: 'date', iso: '2025-12-31' });
    }
    expect(parseTypedDate('2025/1/5')).toEqual({ kind: 'date', iso: '2025-01-05' });
  });

  it('calls half a date incomplete and never a date', () => {
    for (const typed of ['2', '2025', '2025-', '2025-12', '2025-12-', '202512', '2025年12月']) {
      expect(parseTypedDate(typed).kind).toBe('incomplete');
    }
  });

  it('refuses days that do not exist and years out of reach, saying what to write', () => {
    expect(parseTypedDate('2025-02-30')).toEqual({
      kind: 'invalid',
      message: '没有 2025 年 2 月 30 日这一天：请核对日期。',
    });
    expect(parseTypedDate('2025-13-01').kind).toBe('invalid');
    expect(parseTypedDate('51231-02-02').kind).toBe('invalid');
    expect(parseTypedDate('5123-02-02')).toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/年份 5123 不对/),
    });
    expect(parseTypedDate('明天')).toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/不是日期.*2025-12-31/),
    });
    expect(parseTypedDate('  ')).toEqual({ kind: 'empty' });
  });

  it('waits for the last digit before a pause counts as finished', () => {
    expect(looksFinished('2025-12-3')).toBe(false);
    expect(looksFinished('2025-12-31')).toBe(true);
    expect(looksFinished('20251231')).toBe(true);
    expect(looksFinished('2025年12月31日')).toBe(true);
    expect(looksFinished('2025123')).toBe(false);
  });

  it('turns IME full-width characters into ASCII', () => {
    expect(toHalfWidth('９１４４０３００ＭＡ５')).toBe('91440300MA5');
  });
});
