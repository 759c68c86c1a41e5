/**
 * The programme profiles Juanzong ships with, and `parseProfile` for one the clerk imports.
 */
import type { z } from 'zod';
import { profileSchema, type Profile } from './schema.ts';
import modelVoucher2025 from './sz-model-voucher-2025.json' with { type: 'json' };

export type { Profile, ProfileCondition, ProfileMaterial, Period } from './schema.ts';
export { profileSchema } from './schema.ts';

/** The outcome of reading a profile: the profile, or a message naming the field that is wrong. */
export type ProfileResult = { ok: true; value: Profile } | { ok: false; error: string };

/** Writes the first issue of a failed parse as `字段 a.b.c：message`. */
export function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return '内容无效';
  const path = issue.path.map(String).join('.');
  return path ? `字段 ${path}：${issue.message}` : issue.message;
}

/**
 * Validates a profile (already parsed from JSON) against the schema.
 * @example
 * const result = parseProfile(JSON.parse(text));
 * if (!result.ok) showError(result.error); // "方案文件无效：字段 dates.onlineFiling.to：…"
 */
export function parseProfile(json: unknown): ProfileResult {
  const parsed = profileSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: `方案文件无效：${describeIssue(parsed.error.issues[0])}` };
}

function builtIn(json: unknown): Profile {
  const result = parseProfile(json);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The built-in profiles, newest first. */
export const builtInProfiles: readonly Profile[] = [builtIn(modelVoucher2025)];

/** The built-in profile with this id, or `undefined`. */
export function findProfile(id: string): Profile | undefined {
  return builtInProfiles.find((p) => p.id === id);
}
