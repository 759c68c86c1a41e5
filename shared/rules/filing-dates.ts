/**
 * Where today stands against the online and paper filing windows.
 */
import type { Profile } from '../profiles/schema.ts';
import { chineseDate, periodStatus } from './calendar.ts';
import { info, warning } from './findings.ts';
import type { Finding } from './types.ts';

function onlineWhere(profile: Profile): string {
  return profile.words.onlineSystem ? `在${profile.words.onlineSystem}` : '在申报系统';
}

/** Where and how the paper goes in, as far as the profile says. */
function paperRoute(profile: Profile): string {
  const { window: place, appointment } = profile.submission;
  const book = appointment ? `请在“${appointment.app}”APP预约，` : '请';
  return `${book}到${place ?? profile.submission.authority}递交纸质材料`;
}

function lastDayNote(to: string, today: string): string {
  if (to.slice(0, 10) !== today.slice(0, 10)) return '';
  return to.length > 10 ? `今天是最后一天，${to.slice(11)}截止。` : '今天是最后一天。';
}

/** Online filing: new applications are taken only inside the window. */
export function checkOnlineFiling(profile: Profile, today: string): Finding[] {
  const { onlineFiling, paperFiling } = profile.dates;
  const window = `${chineseDate(onlineFiling.from)}至${chineseDate(onlineFiling.to)}`;
  const subject = 'dates.onlineFiling';
  switch (periodStatus(onlineFiling, today)) {
    case 'before':
      return [
        info(
          'online-filing-not-open',
          subject,
          `网络填报受理时间为${window}，尚未开始。可先整理材料，到时${onlineWhere(profile)}在线提交。`,
        ),
      ];
    case 'open':
      return [
        info(
          'online-filing-open',
          subject,
          `网络填报正在受理（${window}）。${lastDayNote(onlineFiling.to, today)}请在线提交项目申请书及配套材料，等待形式预审。`,
        ),
      ];
    case 'after':
      return [
        warning(
          'online-filing-closed',
          subject,
          `网络填报已于${chineseDate(onlineFiling.to)}截止，不再受理新提交的申请。已提交后被退回修改的，可继续提交在线预审，但最迟不能超过${chineseDate(paperFiling.to)}。`,
        ),
      ];
  }
}

/** Paper filing: the bound dossier goes to the window inside this period, after online pre-review passed. */
export function checkPaperFiling(profile: Profile, today: string): Finding[] {
  const { paperFiling } = profile.dates;
  const window = `${chineseDate(paperFiling.from)}至${chineseDate(paperFiling.to)}`;
  const subject = 'dates.paperFiling';
  switch (periodStatus(paperFiling, today)) {
    case 'before':
      return [
        info(
          'paper-filing-not-open',
          subject,
          `书面材料受理时间为${window}，尚未开始。网上预审通过后，再预约递交纸质材料。`,
        ),
      ];
    case 'open':
      return [
        info(
          'paper-filing-open',
          subject,
          `书面材料正在受理（${window}）。${lastDayNote(paperFiling.to, today)}网上预审通过后，${paperRoute(profile)}；${(profile.words.submission ?? ['递交了纸质材料才算申报成功']).join('；')}。`,
        ),
      ];
    case 'after':
      return [
        warning(
          'paper-filing-closed',
          subject,
          `书面材料受理已于${chineseDate(paperFiling.to)}截止，本批次已不能递交纸质材料。请留意下一批次的申报通知。`,
        ),
      ];
  }
}

/** Both filing windows against today (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`, Asia/Shanghai). */
export function checkFilingDates(profile: Profile, today: string): Finding[] {
  return [...checkOnlineFiling(profile, today), ...checkPaperFiling(profile, today)];
}
