/**
 * The reprint plan: the submitted (printed, stamped, bound) dossier against the current one, sheet by sheet. A sheet
 * is printed again when anything on either side changed: what is printed, its page number, its seal marks; or when
 * it is new. Sheets are compared by position, because that is where the paper sits in the binding. Pure data in and
 * out, so every rule is tested on its own.
 */
import type { ReprintPlan, ReprintSheet, SheetReason } from '#shared/contract/submissions.ts';
import { sheetOf, type SealPlanRow } from '#shared/dossier/seal-plan.ts';
import { COVER_TITLE, TOC_TITLE } from './plan.ts';

/** One physical page as the comparison sees it. */
export interface SnapshotPage {
  physical: number;
  /** The printed number; absent on blank and unnumbered pages. */
  number?: number;
  /** The part it belongs to (a material id, `cover`, `toc`); absent on blank pages. */
  part?: string;
  /** What is printed, as a key: equal keys print the same page (source file content, page, changes; cover data…). */
  content: string;
  /** The seal marks printed on it, as a key. */
  marks: string;
}

/** What the comparison keeps of a dossier: its pages, whether it is two-sided, and its parts' titles. */
export interface DossierSnapshot {
  duplex: boolean;
  pages: SnapshotPage[];
  /** Part id → title as the contents name it. */
  titles: Record<string, string>;
}

function sheetsOf(snapshot: DossierSnapshot): SnapshotPage[][] {
  const sheets: SnapshotPage[][] = [];
  for (const page of snapshot.pages) (sheets[sheetOf(page.physical, snapshot.duplex) - 1] ??= []).push(page);
  return sheets;
}

function titleOf(part: string | undefined, frozen: DossierSnapshot, current: DossierSnapshot): string | undefined {
  if (part === undefined) return undefined;
  return current.titles[part] ?? frozen.titles[part] ?? part;
}

/** Why one side differs, or nothing when it prints the same. */
function sideReason(
  before: SnapshotPage | undefined,
  after: SnapshotPage | undefined,
  titled: (part: string | undefined) => string | undefined,
): SheetReason | undefined {
  if (!before && !after) return undefined;
  if (!before || !after || before.content !== after.content) {
    const title = titled(after?.part) ?? titled(before?.part);
    return { kind: 'content', parts: title ? [title] : [] };
  }
  if (before.number !== after.number) return { kind: 'numbers' };
  if (before.marks !== after.marks) return { kind: 'marks' };
  return undefined;
}

/** The reasons of a sheet's sides merged: one `content` listing every part once, then the others once each. */
function mergeReasons(reasons: SheetReason[]): SheetReason[] {
  const parts = [...new Set(reasons.flatMap((r) => (r.kind === 'content' ? r.parts : [])))];
  const merged: SheetReason[] = reasons.some((r) => r.kind === 'content') ? [{ kind: 'content', parts }] : [];
  for (const kind of ['numbers', 'marks', 'added'] as const)
    if (reasons.some((r) => r.kind === kind)) merged.push({ kind } as SheetReason);
  return merged;
}

function compareSheet(
  sheet: number,
  before: SnapshotPage[] | undefined,
  after: SnapshotPage[],
  titled: (part: string | undefined) => string | undefined,
): SheetReason[] {
  if (!before) return [{ kind: 'added' }];
  const sides = Math.max(before.length, after.length);
  const reasons: SheetReason[] = [];
  for (let i = 0; i < sides; i += 1) {
    const reason = sideReason(before[i], after[i], titled);
    if (reason) reasons.push(reason);
  }
  return mergeReasons(reasons);
}

/**
 * The sheets to print again and the seals to stamp again, from the submitted dossier's snapshot and the current
 * one's; `seals` is the current dossier's seal plan (`sealPlan` of its page map).
 *
 * @example
 * const plan = reprintPlan(frozen, current, sealPlan(pageMap, { duplex: true }, rules), '2026-12-07T02:00:00Z');
 * plan.said[0] // '第 5–6 张（第 7–10 页）：材料“审计报告”内容有变；重新加盖“审计报告”的骑缝章（第 5–8 张）'
 */
export function reprintPlan(
  frozen: DossierSnapshot,
  current: DossierSnapshot,
  seals: SealPlanRow[],
  submittedAt: string,
): ReprintPlan {
  const titled = (part: string | undefined) => titleOf(part, frozen, current);
  const [before, after] = [sheetsOf(frozen), sheetsOf(current)];
  const layoutChanged = frozen.duplex !== current.duplex;
  const sheets: ReprintSheet[] = [];
  after.forEach((pages, i) => {
    const sheet = i + 1;
    const reasons = compareSheet(sheet, layoutChanged ? undefined : before[i], pages, titled);
    if (reasons.length === 0) return;
    const officialSeal = seals.filter((s) => s.officialSeal?.sheet === sheet).map((s) => s.firstNumber);
    const numbers = pages.flatMap((p) => (p.number ? [p.number] : []));
    sheets.push({ sheet, pages: pages.map((p) => p.physical), numbers, reasons, officialSeal });
  });
  const reprinted = new Set(sheets.map((s) => s.sheet));
  const crossPage = seals
    .filter((s) => s.crossPageSheets.some((k) => reprinted.has(k)))
    .map((s) => ({ title: s.title, sheets: s.crossPageSheets }));
  const removedSheets = layoutChanged
    ? before.map((_, i) => i + 1)
    : before.slice(after.length).map((_, i) => after.length + i + 1);
  const plan = { submittedAt, unchanged: sheets.length === 0 && removedSheets.length === 0, sheets, removedSheets };
  return { ...plan, crossPage, said: planLines({ ...plan, crossPage }, seals, layoutChanged) };
}

/** `第 5 张` or `第 5–6 张`; `页` likewise. */
export function rangeText(first: number, last: number, unit: '张' | '页'): string {
  return first === last ? `第 ${first} ${unit}` : `第 ${first}–${last} ${unit}`;
}

const OWN_PAGES = new Set([COVER_TITLE, TOC_TITLE]);

function partText(title: string): string {
  return OWN_PAGES.has(title) ? title : `材料“${title}”`;
}

function reasonText(reason: SheetReason): string {
  switch (reason.kind) {
    case 'content':
      return reason.parts.length > 0 ? `${reason.parts.map(partText).join('、')}内容有变` : '内容有变';
    case 'numbers':
      return '页码移动了';
    case 'marks':
      return '盖章标记的位置变了';
    case 'added':
      return '新增的一张';
  }
}

/** What to stamp on one reprinted sheet: its 公章, and the 骑缝章 of the materials it belongs to. */
function stampText(sheet: ReprintSheet, plan: Pick<ReprintPlan, 'crossPage'>, seals: SealPlanRow[]): string[] {
  const official = seals
    .filter((s) => s.officialSeal?.sheet === sheet.sheet)
    .map((s) => (s.firstNumber > 0 ? `在第 ${s.firstNumber} 页（“${s.title}”首页）加盖公章` : `在${s.title}加盖公章`));
  const cross = plan.crossPage
    .filter((c) => c.sheets.includes(sheet.sheet))
    .map((c) => `重新加盖“${c.title}”的骑缝章（${rangeText(c.sheets[0]!, c.sheets.at(-1)!, '张')}）`);
  return [...official, ...cross];
}

function groupLine(group: ReprintSheet[], text: string): string {
  const numbers = group.flatMap((s) => s.numbers);
  const pages = numbers.length > 0 ? `（${rangeText(Math.min(...numbers), Math.max(...numbers), '页')}）` : '';
  return `${rangeText(group[0]!.sheet, group.at(-1)!.sheet, '张')}${pages}：${text}`;
}

function planLines(plan: Omit<ReprintPlan, 'said'>, seals: SealPlanRow[], layoutChanged: boolean): string[] {
  if (plan.unchanged) return ['递交后没有改动影响打印：不需要补打。'];
  const lines: string[] = layoutChanged ? ['单面/双面打印的设置改了：整份卷宗需要重新打印并盖章。'] : [];
  let group: ReprintSheet[] = [];
  let groupText = '';
  const flush = () => {
    if (group.length > 0) lines.push(groupLine(group, groupText));
    group = [];
  };
  for (const sheet of plan.sheets) {
    const text = [sheet.reasons.map(reasonText).join('，'), ...stampText(sheet, plan, seals)].join('；');
    const last = group.at(-1);
    if (!last || last.sheet !== sheet.sheet - 1 || text !== groupText) flush();
    group.push(sheet);
    groupText = text;
  }
  flush();
  const removed = plan.removedSheets;
  if (removed.length > 0 && !layoutChanged)
    lines.push(`原卷宗${rangeText(removed[0]!, removed.at(-1)!, '张')}已不再需要：请从卷宗中抽出。`);
  return lines;
}
