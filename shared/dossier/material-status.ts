/**
 * A material's status and how it reads: one vocabulary, one set of labels, one way to write its pages and its
 * seals, for the contents page, the printed checklist, the window and the seal plan.
 */
import type { ManifestMaterial } from '../manifest.ts';
import type { SealPlanRow, SealRule } from './seal-plan.ts';

/** What the clerk may mark a material as instead of attaching files; the database stores these words. */
export const materialStateKinds = ['exempt', 'not-applicable'] as const;
export type MaterialStateKind = (typeof materialStateKinds)[number];

/** Where a material stands: its files are in the dossier, it is set aside (exempt / not applicable), or missing. */
export type MaterialStatus = 'included' | MaterialStateKind | 'missing';

/** The label of each status, on paper and on screen. */
export const materialStatusLabels: Record<MaterialStatus, string> = {
  included: '已附',
  exempt: '免于提交',
  'not-applicable': '不适用',
  missing: '未提供',
};

/** A material set aside, with the reason the clerk or the guide gives. */
export interface SetAside {
  state: MaterialStateKind;
  reason: string;
}

/**
 * The status of a material from what the clerk did: a mark wins over files (marked materials leave their files out
 * of the dossier); otherwise included when it has files.
 */
export function materialStatus(setAside: SetAside | undefined, fileCount: number): MaterialStatus {
  if (setAside) return setAside.state;
  return fileCount > 0 ? 'included' : 'missing';
}

/** How a manifest marks a material (`"notApplicable": true` with a `reason`, or `"exempt": "<reason>"`). */
export function setAsideInManifest(material: ManifestMaterial | undefined): SetAside | undefined {
  if (material?.notApplicable) return { state: 'not-applicable', reason: material.reason ?? '' };
  if (material?.exempt) return { state: 'exempt', reason: material.exempt };
  return undefined;
}

/** `不适用：不涉及…`, or the bare label when no reason was written. */
export function statusWithReason(status: MaterialStatus, reason: string | undefined): string {
  const label = materialStatusLabels[status];
  return reason?.trim() ? `${label}：${reason.trim()}` : label;
}

/**
 * Printed page numbers (or sheets) from `first` to `last`.
 * @example pageRange(3, 3) // '3'; pageRange(3, 5) // '3–5'
 */
export function pageRange(first: number, last: number): string {
  return first === last ? `${first}` : `${first}–${last}`;
}

/** @example pagesText(3, 5) // '第 3–5 页' */
export function pagesText(first: number, last: number): string {
  return `第 ${pageRange(first, last)} 页`;
}

/** What the profile asks to be stamped on a material, before the dossier exists. */
export function sealRuleText(rule: SealRule): string {
  const parts = [rule.official ? '加盖申报单位公章' : '', rule.crossPageWhenMultiPage ? '多页的加盖骑缝章' : ''].filter(
    Boolean,
  );
  return parts.length ? parts.join('，') : '无需盖章';
}

/** What is to be stamped on one part of the assembled dossier (a row of its seal plan). */
export function sealsText(row: SealPlanRow): string {
  const parts = [
    row.officialSeal
      ? `第 ${row.firstNumber} 页盖公章${row.officialSealPlace ? `（${row.officialSealPlace}）` : ''}`
      : '',
    row.crossPageSheets.length ? `加盖骑缝章${row.crossPagePlace ? `（${row.crossPagePlace}）` : ''}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('，') : '无需盖章';
}
