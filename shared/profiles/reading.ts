/**
 * Small readings of a profile that several layers share (rules, dossier, screens).
 */
import type { Profile, ProfileAgreement, ProfileCondition, ProfileTrack } from './schema.ts';

/** The profile's model-service agreement, the one a manifest's `contract` describes; many calls have none. */
export function modelServiceAgreement(profile: Profile): ProfileAgreement | undefined {
  return profile.agreements.find((a) => a.kind === 'model-service');
}

/** Whether the clerk answers this condition with yes / no / not sure (not derived from the contract or facts). */
export function isClerkQuestion(condition: ProfileCondition): boolean {
  return condition.test.kind === 'question' && condition.test.answeredBy === 'question';
}

/** The track shown where one is meant (cost kinds of the cost table): the first, the guide's main one. */
export function mainTrack(profile: Profile): ProfileTrack {
  return profile.tracks[0]!;
}

/** The cost kinds a cost line may take: the union over the tracks, in order, each once. */
export function costKindsOf(profile: Profile): { id: string; label: string }[] {
  const kinds = profile.tracks.flatMap((t) => t.eligibleCostKinds ?? []);
  return kinds.filter((k, i) => kinds.findIndex((other) => other.id === k.id) === i);
}

/** A cost line's kind as the cost table names it: the profile's label, 其他费用 for `other`, else as written. */
export function costKindLabel(profile: Profile, kind: string): string {
  if (kind === 'other') return '其他费用';
  return costKindsOf(profile).find((k) => k.id === kind)?.label ?? kind;
}
