/**
 * The profile's filing windows against today in Shanghai: open, not yet open, or closed, with the days left.
 */
import type { Period, Profile } from '#shared/profiles/index.ts';
import { chineseDate, dayNumber, periodStatus, shanghaiNow } from '#shared/rules/calendar.ts';

export interface FilingWindow {
  key: 'online' | 'paper';
  label: string;
  period: Period;
  status: 'before' | 'open' | 'after';
  /** Whole days until it opens (before) or until its last day (open); 0 on the last day. */
  days: number;
  /** The window written out, e.g. "2025年10月13日至2025年11月10日18:00". */
  range: string;
  /** A short state: 还有 3 天开始 / 剩 5 天 / 今天 18:00 截止 / 已截止. */
  state: string;
}

function stateOf(period: Period, status: FilingWindow['status'], days: number): string {
  if (status === 'after') return '已截止';
  if (status === 'before') return `还有 ${days} 天开始`;
  if (days === 0) return period.to.length > 10 ? `今天 ${period.to.slice(11)} 截止` : '今天截止';
  return `剩 ${days} 天`;
}

/** Both windows of a profile at the instant `nowMs` (defaults to now). */
export function filingWindows(profile: Profile, nowMs: number = Date.now()): FilingWindow[] {
  const now = shanghaiNow(nowMs);
  const windows: [FilingWindow['key'], string, Period][] = [
    ['online', '网络填报', profile.dates.onlineFiling],
    ['paper', '纸质材料递交', profile.dates.paperFiling],
  ];
  return windows.map(([key, label, period]) => {
    const status = periodStatus(period, now);
    const target = status === 'before' ? period.from : period.to;
    const days = Math.max(0, dayNumber(target) - dayNumber(now));
    return {
      key,
      label,
      period,
      status,
      days,
      range: `${chineseDate(period.from)}至${chineseDate(period.to)}`,
      state: stateOf(period, status, days),
    };
  });
}

/** What the clerk can still do once both windows have closed. */
export function afterClosingAdvice(profile: Profile): string {
  const phone = profile.submission.phones?.find((p) => p.purpose === '政策咨询')?.number;
  return (
    `${profile.year} 年的受理时间已经结束，本批次不能再递交。材料可以继续在这里整理、检查和生成，` +
    `留待下一批次的申报通知${phone ? `；有疑问可拨打政策咨询电话 ${phone}` : ''}。`
  );
}
