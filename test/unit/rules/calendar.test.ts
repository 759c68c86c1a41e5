import { describe, expect, it } from 'vitest';
import {
  addDays,
  chineseDate,
  daysInclusive,
  isLocalDateTime,
  periodStatus,
  shanghaiNow,
} from '#shared/rules/calendar.ts';

describe('Asia/Shanghai wall clock', () => {
  it('reads the Shanghai time of an instant with the fixed +08:00 offset', () => {
    expect(shanghaiNow(Date.parse('2025-10-27T09:59:00Z'))).toBe('2025-10-27T17:59');
    expect(shanghaiNow(Date.parse('2025-10-27T10:00:00Z'))).toBe('2025-10-27T18:00');
    expect(shanghaiNow(Date.parse('2025-10-26T16:00:00Z'))).toBe('2025-10-27T00:00');
  });

  it('accepts only real dates and times', () => {
    expect(isLocalDateTime('2025-10-27')).toBe(true);
    expect(isLocalDateTime('2025-10-27T18:00')).toBe(true);
    expect(isLocalDateTime('2025-02-29')).toBe(false);
    expect(isLocalDateTime('2024-02-29')).toBe(true);
    expect(isLocalDateTime('2025-10-27T24:00')).toBe(false);
    expect(isLocalDateTime('2025/10/27')).toBe(false);
  });

  it('counts days across month and year ends', () => {
    expect(addDays('2024-12-01', -1)).toBe('2024-11-30');
    expect(addDays('2026-08-31', 1)).toBe('2026-09-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysInclusive('2024-11-01', '2024-11-30')).toBe(30);
    expect(daysInclusive('2025-01-01', '2025-12-31')).toBe(365);
  });

  it('keeps a bare end date open all day and a timed deadline until that minute', () => {
    const day = { from: '2024-12-01', to: '2026-08-31' };
    expect(periodStatus(day, '2024-11-30T23:59')).toBe('before');
    expect(periodStatus(day, '2024-12-01')).toBe('open');
    expect(periodStatus(day, '2026-08-31T23:59')).toBe('open');
    expect(periodStatus(day, '2026-09-01')).toBe('after');
    const deadline = { from: '2025-10-13', to: '2025-10-27T18:00' };
    expect(periodStatus(deadline, '2025-10-27T17:59')).toBe('open');
    expect(periodStatus(deadline, '2025-10-27T18:00')).toBe('after');
  });

  it('writes dates in Chinese', () => {
    expect(chineseDate('2025-10-27T18:00')).toBe('2025年10月27日18:00');
    expect(chineseDate('2024-12-01')).toBe('2024年12月1日');
  });
});
