/**
 * Which funding track of a profile an application claims, the rate that applies to it, and its caps.
 */
import type { AppliesTo, DatedWindow, Profile, ProfileTrack } from '../profiles/schema.ts';
import { addMonths } from './calendar.ts';
import type { Answer, ApplicantKind } from './types.ts';

/** What the rules know of the applicant when they pick a track: its kind, its answers, the dates of events. */
export interface Claimant {
  kind?: ApplicantKind;
  answers?: Record<string, Answer>;
  /** Dates of events the profile counts from (`first-contract`), by event id. */
  events?: Record<string, string>;
}

/** Whether a rule written for `who` applies to this applicant; no restriction applies to everyone. */
export function applies(who: AppliesTo | undefined, claimant: Claimant): boolean {
  if (!who) return true;
  if (who.applicantKinds && !(claimant.kind && who.applicantKinds.includes(claimant.kind))) return false;
  if (who.answeredYes && claimant.answers?.[who.answeredYes] !== 'yes') return false;
  return true;
}

/** The first track this applicant may claim; the first track when none fits, so amounts still show. */
export function trackFor(profile: Profile, claimant: Claimant = {}): ProfileTrack {
  return profile.tracks.find((t) => applies(t.claimants, claimant)) ?? profile.tracks[0]!;
}

/** The track's rate for this applicant: a rate change for its kind (a start-up, say) wins over the base rate. */
export function rateFor(track: ProfileTrack, claimant: Claimant): number {
  return track.rateChanges?.find((c) => applies(c.appliesTo, claimant))?.ratePercent ?? track.ratePercent;
}

/** The lowest cap of a kind, in yuan, and its scope; `undefined` when the track has none of that kind. */
export function lowestCap(track: ProfileTrack, kind: 'soft' | 'hard'): ProfileTrack['caps'][number] | undefined {
  return track.caps.filter((c) => c.kind === kind).sort((a, b) => a.yuan - b.yuan)[0];
}

/** How the clerk reads a cap's scope. */
export const CAP_SCOPE_WORDS = { 'company-year': '每家企业每年', project: '每个项目', track: '本类别' } as const;

/**
 * The dates of a window: a fixed period as it is; a relative one counted from the event's date in `events`
 * (months later, the day before the same date), or `undefined` while that date is not known.
 */
export function windowDates(
  window: DatedWindow,
  events: Record<string, string> = {},
): { from: string; to: string } | undefined {
  if ('from' in window) return { from: window.from.slice(0, 10), to: window.to.slice(0, 10) };
  const start = events[window.event];
  if (!start) return undefined;
  return { from: addMonths(start, window.fromMonths), to: addMonths(start, window.toMonths, -1) };
}
