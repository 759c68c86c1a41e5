/**
 * Where the window takes the date of an event a profile counts from (首次销售合同签订): the date field under the
 * dated condition judged by it, in 资格自查. The clerk never sees a manifest's `events`, so a message asking for
 * the date names that field.
 */
import type { Profile } from '../profiles/schema.ts';

/** What to do about a missing event date, in the window's words. */
export function eventDateRequest(profile: Profile, event: string, eventLabel: string): string {
  for (const c of profile.conditions) {
    if (c.test.kind === 'dated' && c.test.subject === event) {
      return `请在“资格自查”的${c.number}下方填写“${c.test.subjectLabel}”。`;
    }
  }
  return `本申报方案没有可以填写${eventLabel}日期的栏目，请向提供方案的人反映。`;
}
