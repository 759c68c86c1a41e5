/**
 * The programme profiles Juanzong ships with, and `parseProfile` for one the clerk imports (format v2, or v1
 * converted to v2).
 */
import type { z } from 'zod';
import { profileSchema } from './schema-checks.ts';
import { profileSchema as profileSchemaV1 } from './schema-v1.ts';
import type { Profile } from './schema.ts';
import modelVoucher2025 from './sz-model-voucher-2025.json' with { type: 'json' };
import { profileV1ToV2 } from './v1-to-v2.ts';
import { chineseIssue, pathInWords } from './zh-errors.ts';

export type {
  AppliesTo,
  DatedWindow,
  Period,
  Profile,
  ProfileAgreement,
  ProfileCondition,
  ProfileMaterial,
  ProfileTrack,
  RelativePeriod,
} from './schema.ts';
export { profileSchema } from './schema-checks.ts';
export { profileV1ToV2 } from './v1-to-v2.ts';
export { costKindsOf, isClerkQuestion, mainTrack, modelServiceAgreement } from './reading.ts';

/** The outcome of reading a profile: the profile, or a message naming the field that is wrong. */
export type ProfileResult = { ok: true; value: Profile } | { ok: false; error: string };

/** Writes the first issue of a failed parse as `字段“材料第3项的标题”（materials.2.title）：message`. */
export function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return '内容无效';
  if (issue.path.length === 0) return issue.message;
  return `字段“${pathInWords(issue.path)}”（${issue.path.map(String).join('.')}）：${issue.message}`;
}

function versionOf(json: unknown): unknown {
  return json && typeof json === 'object' ? (json as { schemaVersion?: unknown }).schemaVersion : undefined;
}

/**
 * Validates a profile (already parsed from JSON): format v2 as it is, format v1 converted to v2.
 * @example
 * const result = parseProfile(JSON.parse(text));
 * if (!result.ok) showError(result.error); // "方案文件无效：字段“日期的网上申报期间的结束”（dates.onlineFiling.to）：…"
 */
export function parseProfile(json: unknown): ProfileResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, error: '方案文件无效：内容须是一个 JSON 对象（{…}）' };
  const version = versionOf(json);
  if (version === 1) {
    const v1 = profileSchemaV1.safeParse(json, { error: chineseIssue });
    if (!v1.success) return { ok: false, error: `方案文件（第1版格式）无效：${describeIssue(v1.error.issues[0])}` };
    return parseProfile(profileV1ToV2(v1.data));
  }
  if (version !== 2) return { ok: false, error: '方案文件无效：字段“格式版本”（schemaVersion）须是 1 或 2' };
  const parsed = profileSchema.safeParse(json, { error: chineseIssue });
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
