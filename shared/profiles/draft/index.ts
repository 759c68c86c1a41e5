/**
 * A draft profile from a guide's text: `draftProfile(text)` reads a guide of the bureau's template (一、资助的项目类别
 * … 五、项目的申报材料 … 七、项目申请受理机关与时间) and returns a profile of format v2 with the gaps a person must
 * still fill or decide.
 * @example
 * const { profile, gaps } = draftProfile(guideText);
 * gaps.filter((g) => g.placeholder); // the fields that hold stand-ins
 */
import { readGuide } from './facts.ts';
import { toProfile, type ProfileDraft } from './to-profile.ts';

export type { DraftGap } from './draft-notes.ts';
export type { GuideFacts } from './facts.ts';
export type { ProfileDraft } from './to-profile.ts';
export { readGuide } from './facts.ts';
export { isRealLocalDateTime } from './dates.ts';
export { splitGuide } from './sections.ts';

/** Drafts a profile (format v2) from a guide's text; every drafted field is traced to the guide's words. */
export function draftProfile(guideText: string): ProfileDraft {
  return toProfile(readGuide(guideText));
}
