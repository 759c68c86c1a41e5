/**
 * The changes made to single source pages (left out, turned, straightened, cut from a photo, split, reduced), one
 * line per page in the clerk's words, for the checklist: "申请书.pdf 第 2 页：扫描空白背面，已略去"; and a line per
 * file whose pages the clerk put in another order: "方案.pdf：按您的调整改变了页序，依次打印原第 3、1、2 页".
 */
import path from 'node:path';
import type { DecidedBy, PageChanges, PageMap, QuarterTurn } from './types.ts';

const TURNED: Record<Exclude<QuarterTurn, 0>, string> = { 90: '横置', 180: '倒置', 270: '横置' };

function turnText(turn: NonNullable<PageChanges['turn']>): string | undefined {
  if (turn.degrees === 0) return undefined;
  if (turn.by === 'clerk') return `按您的选择顺时针旋转 ${turn.degrees}°`;
  return `${TURNED[turn.degrees]}，已转正`;
}

function changeTexts(c: PageChanges): string[] {
  const said: (string | undefined)[] = [
    c.turn && turnText(c.turn),
    c.straighten ? `扫描歪斜约 ${Math.abs(c.straighten).toFixed(1)}°，已扶正` : undefined,
    c.crop ? '翻拍照片，已裁去背景并校正透视' : undefined,
    c.split ? `长图，已按 A4 分成 ${c.split.of} 页（卷宗中连续排列）` : undefined,
    c.reduceTo ? `分辨率过高，已缩减到 ${c.reduceTo} dpi` : undefined,
  ];
  return said.filter((s): s is string => s !== undefined);
}

const skipText = (by: DecidedBy) => (by === 'clerk' ? '按您的选择略去（不打印、不编页码）' : '扫描空白背面，已略去');

interface Line {
  file: string;
  /** Absent on a line about the whole file (it comes first). */
  page?: number;
  text: string;
}

/** A line per file whose pages print out of the file's own order, listing them as printed. */
function orderLines(pageMap: PageMap): Line[] {
  const printed = new Map<string, number[]>();
  for (const e of pageMap.pageList ?? []) {
    if (!e.source || (e.changes?.split && e.changes.split.part > 1)) continue;
    const pages = printed.get(e.source.file) ?? [];
    printed.set(e.source.file, [...pages, e.source.page]);
  }
  return [...printed]
    .filter(([, pages]) => pages.some((page, i) => i > 0 && page < pages[i - 1]!))
    .map(([file, pages]) => ({ file, text: `：按您的调整改变了页序，依次打印原第 ${pages.join('、')} 页` }));
}

/** One line per changed source page, in the order of the files in the dossier and of the pages in each file. */
export function pageChangeLines(pageMap: PageMap): string[] {
  const lines: Line[] = orderLines(pageMap);
  for (const e of pageMap.pageList ?? []) {
    if (!e.source || !e.changes || (e.changes.split && e.changes.split.part > 1)) continue;
    const said = changeTexts(e.changes);
    const where = e.number === undefined ? '' : `（卷宗第 ${e.number} 页）`;
    if (said.length) lines.push({ file: e.source.file, page: e.source.page, text: `${where}：${said.join('；')}` });
  }
  for (const s of pageMap.skipped ?? []) lines.push({ file: s.file, page: s.page, text: `：${skipText(s.by)}` });
  const files = [
    ...new Set([...(pageMap.pageList ?? []).flatMap((e) => e.source?.file ?? []), ...lines.map((l) => l.file)]),
  ];
  lines.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || (a.page ?? 0) - (b.page ?? 0));
  return lines.map((l) => `${path.basename(l.file)}${l.page === undefined ? '' : ` 第 ${l.page} 页`}${l.text}`);
}
