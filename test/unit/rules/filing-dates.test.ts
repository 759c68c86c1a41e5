import { describe, expect, it } from 'vitest';
import { checkOnlineFiling, checkPaperFiling } from '#shared/rules/filing-dates.ts';
import { voucherProfile } from './sample.ts';

const profile = voucherProfile();
const online = (today: string) => checkOnlineFiling(profile, today).map((f) => `${f.severity}:${f.code}`);
const paper = (today: string) => checkPaperFiling(profile, today).map((f) => `${f.severity}:${f.code}`);

describe('online filing 2025-10-13 … 2025-10-27 18:00', () => {
  it.each([
    ['2025-10-12T23:59', 'info:online-filing-not-open'],
    ['2025-10-13', 'info:online-filing-open'],
    ['2025-10-27', 'info:online-filing-open'],
    ['2025-10-27T17:59', 'info:online-filing-open'],
    ['2025-10-27T18:00', 'warning:online-filing-closed'],
    ['2025-10-28', 'warning:online-filing-closed'],
  ])('on %s: %s', (today, expected) => {
    expect(online(today)).toEqual([expected]);
  });

  it('says on the last day that it closes at 18:00', () => {
    expect(checkOnlineFiling(profile, '2025-10-27T09:00')[0]?.message).toContain('今天是最后一天，18:00截止');
  });

  it('says what is left to do once closed', () => {
    const message = checkOnlineFiling(profile, '2025-10-28')[0]?.message ?? '';
    expect(message).toContain('不再受理新提交的申请');
    expect(message).toContain('2025年11月10日18:00');
  });
});

describe('paper filing 2025-10-13 … 2025-11-10 18:00', () => {
  it.each([
    ['2025-10-12', 'info:paper-filing-not-open'],
    ['2025-10-13T00:00', 'info:paper-filing-open'],
    ['2025-11-10T17:59', 'info:paper-filing-open'],
    ['2025-11-10T18:00', 'warning:paper-filing-closed'],
    ['2025-11-11', 'warning:paper-filing-closed'],
  ])('on %s: %s', (today, expected) => {
    expect(paper(today)).toEqual([expected]);
  });

  it('tells where and how to hand in while open', () => {
    const message = checkPaperFiling(profile, '2025-10-20')[0]?.message ?? '';
    expect(message).toContain('i深圳');
    expect(message).toContain('西厅5-42号');
  });
});
