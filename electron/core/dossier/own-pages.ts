/** The pages the dossier writes itself: the cover and the table of contents (目录). */
import { materialStatusLabels, pageRange } from '#shared/dossier/material-status.ts';
import { Content } from './content.ts';
import type { TextFont } from './font.ts';
import { A4, mm, type PagePlan, type SealPosition, type Sheet, type TocEntry } from './types.ts';

export interface CoverData {
  /** The call's title as the guide heads it. */
  callTitle: string;
  applicant: { name: string; creditCode: string; contact?: string; phone?: string };
  /** `YYYY-MM-DD`. */
  date: string;
  /** The guide asks for the 公章 on the cover (the signature line then says 盖章); absent: it does. */
  sealed?: boolean;
}

/** Splits text into lines no wider than `width` (Chinese breaks between any two characters). */
export function wrapText(font: TextFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && font.width(line + ch, size) > width) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

/** Where a line may break: after each word (Chinese word segmentation from ICU), as character offsets. */
function wordEnds(text: string): number[] {
  const ends: number[] = [];
  let at = 0;
  for (const { segment } of new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)) {
    at += [...segment].length;
    ends.push(at);
  }
  return ends;
}

/**
 * Like wrapText, but with lines of about equal length (a title in two even lines, not one and a stub), broken
 * between words where that keeps every line within `width` (never "人工智|能"), else between characters.
 */
export function balancedLines(font: TextFont, text: string, size: number, width: number): string[] {
  const chars = [...text];
  const count = wrapText(font, text, size, width).length;
  const ends = wordEnds(text);
  const breaks: number[] = [];
  for (let k = 1; k < count; k += 1) {
    const ideal = Math.round((k * chars.length) / count);
    const after = breaks.at(-1) ?? 0;
    const nearest = ends
      .filter((e) => e > after && e < chars.length)
      .sort((a, b) => Math.abs(a - ideal) - Math.abs(b - ideal) || b - a)[0];
    breaks.push(nearest ?? ideal);
  }
  const lines = [0, ...breaks].map((from, i) => chars.slice(from, breaks[i] ?? chars.length).join(''));
  if (lines.every((l) => font.width(l, size) <= width)) return lines;
  const per = Math.ceil(chars.length / count);
  return Array.from({ length: count }, (_, i) => chars.slice(i * per, (i + 1) * per).join(''));
}

/** `2025-10-13` as 2025年10月13日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The cover on the call's paper; its heights are A4's, in proportion on another sheet. */
export function drawCover(
  font: TextFont,
  data: CoverData,
  sealPosition: SealPosition | undefined,
  sheet: Sheet = A4,
): Content {
  const c = new Content(font);
  const down = (n: number) => sheet.height - (mm(n) * sheet.height) / A4.height;
  let y = down(50);
  for (const line of balancedLines(font, data.callTitle, 18, sheet.width - mm(50))) {
    c.textCentred(line, sheet.width / 2, y, 18);
    y -= 28;
  }
  c.textCentred('申 请 材 料', sheet.width / 2, down(110), 34);
  const rows: [string, string][] = [
    ['申报单位', data.applicant.name],
    ['统一社会信用代码', data.applicant.creditCode],
    ['联系人', data.applicant.contact ?? ''],
    ['联系电话', data.applicant.phone ?? ''],
    ['日期', chineseDate(data.date)],
  ];
  const labelX = mm(32);
  const valueX = labelX + font.width('统一社会信用代码：', 14);
  const right = sheet.width - mm(32);
  y = down(160);
  for (const [label, value] of rows) {
    c.text(`${label}：`, labelX + font.width('统一社会信用代码：', 14) - font.width(`${label}：`, 14), y, 14);
    const lines = wrapText(font, value, 14, right - valueX - 4);
    lines.forEach((line, i) => c.text(line, valueX + 4, y - i * 20, 14));
    // An empty value still takes its row: the rule stays blank for the clerk to fill in by pen.
    y -= Math.max(lines.length - 1, 0) * 20;
    c.line(valueX, y - 5, right, y - 5, 0.3);
    y -= 36;
  }
  drawSealLine(c, font, data, sealPosition, sheet);
  return c;
}

/** 申报单位（盖章） at the bottom, on the side where the seal goes. */
function drawSealLine(
  c: Content,
  font: TextFont,
  data: CoverData,
  sealPosition: SealPosition | undefined,
  sheet: Sheet,
): void {
  const left = sealPosition === 'bottom-left' || sealPosition === 'top-left';
  const label = data.sealed === false ? '申报单位' : '申报单位（盖章）';
  const lines = [`${label}：${data.applicant.name}`, chineseDate(data.date)];
  let y = mm(55);
  for (const line of lines) {
    const w = font.width(line, 13);
    const x = left ? mm(25) : Math.max(mm(25), sheet.width - mm(25) - w);
    c.text(line, x, y, 13);
    y -= 24;
  }
}

/** The printed range of an included material, else its status (免于提交, 不适用, 未提供). */
function tailText(e: TocEntry): string {
  if (e.firstNumber !== undefined) return pageRange(e.firstNumber, e.lastNumber ?? e.firstNumber);
  return e.status === 'included' ? '' : materialStatusLabels[e.status];
}

/** One contents page, on the call's paper: entries `tocIndex * perPage` onwards. */
export function drawToc(font: TextFont, plan: PagePlan, tocIndex: number): Content {
  const c = new Content(font);
  const { sheet } = plan;
  const title = plan.tocPages > 1 ? `目  录（${tocIndex + 1}/${plan.tocPages}）` : '目  录';
  c.textCentred(title, sheet.width / 2, sheet.height - mm(30), 20);
  const left = mm(25);
  const right = sheet.width - mm(25);
  c.text('材料', left, sheet.height - mm(45), 10.5, 0.4);
  c.text('页码', right - font.width('页码', 10.5), sheet.height - mm(45), 10.5, 0.4);
  let y = sheet.height - mm(58);
  const entries = plan.toc.slice(tocIndex * plan.tocPerPage, (tocIndex + 1) * plan.tocPerPage);
  entries.forEach((e, i) => {
    const index = tocIndex * plan.tocPerPage + i + 1;
    const label = `${index}．${e.title}`;
    const tail = tailText(e);
    const tailW = font.width(tail, 13);
    const maxTitle = right - left - tailW - 24;
    const lines = wrapText(font, label, 13, maxTitle);
    lines.forEach((line, k) => c.text(line, left, y - k * 18, 13, e.status === 'included' ? 0 : 0.45));
    y -= (lines.length - 1) * 18;
    const lastW = font.width(lines[lines.length - 1] ?? '', 13);
    const leader = dots(font, right - tailW - 6 - (left + lastW + 6));
    c.text(leader, left + lastW + 6, y, 13, 0.6);
    c.text(tail, right - tailW, y, 13, e.status === 'included' ? 0 : 0.45);
    if (e.reason && e.status !== 'included') {
      y -= 15;
      const reason = wrapText(font, `说明：${e.reason}`, 9.5, right - left - mm(8))[0] ?? '';
      c.text(reason, left + mm(8), y, 9.5, 0.45);
    }
    y -= 28;
  });
  return c;
}

function dots(font: TextFont, width: number): string {
  if (width <= 0) return '';
  const one = font.width('·', 13) || 4;
  return '·'.repeat(Math.max(0, Math.floor(width / one)));
}
