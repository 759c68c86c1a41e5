/**
 * The marks the dossier adds on top of a page: the printed page number on a white backing, the 盖章处 circle
 * and the 骑缝章 mark on the fore-edge. Light grey, real text (so they can be found), never over the number.
 */
import type { DossierOptions } from '#shared/manifest.ts';
import type { Content } from './content.ts';
import { footer, margins, seal } from './layout.ts';
import { A4, mm, type PageMarks, type SealPosition, type Sheet } from './types.ts';

export type NumberStyle = DossierOptions['numberStyle'];

/** "— 3 —" (GB/T 9704 style, em dashes) or "3". */
export function numberText(value: number, style: NumberStyle): string {
  return style === 'dash' ? `— ${value} —` : String(value);
}

function drawNumber(c: Content, marks: PageMarks, style: NumberStyle, sheet: Sheet): void {
  if (!marks.number) return;
  const text = numberText(marks.number.value, style);
  const w = c.width(text, footer.size);
  const side = marks.number.side;
  const x =
    side === 'right'
      ? sheet.width - footer.outerInset - w
      : side === 'left'
        ? footer.outerInset
        : (sheet.width - w) / 2;
  const pad = 4;
  c.fillRect(x - pad, footer.baseline - pad, w + 2 * pad, footer.size + pad, 1);
  c.text(text, x, footer.baseline, footer.size, 0);
}

/** The centre of the 盖章处 circle for a position on the sheet. */
export function sealCentre(position: SealPosition, sheet: Sheet = A4): { x: number; y: number } {
  const r = seal.diameter / 2;
  const right = sheet.width - mm(15) - r;
  const left = mm(15) + r;
  const bottom = margins.bottom + mm(5) + r;
  const top = sheet.height - mm(15) - r;
  switch (position) {
    case 'bottom-right':
      return { x: right, y: bottom };
    case 'bottom-left':
      return { x: left, y: bottom };
    case 'top-right':
      return { x: right, y: top };
    case 'top-left':
      return { x: left, y: top };
    case 'middle-right':
      // Further in than the other right-hand places, clear of the 骑缝章 half circle on the edge.
      return { x: sheet.width - mm(32) - r, y: sheet.height / 2 };
  }
}

/** The 盖章处 circle; on the cover its words sit low in the circle, clear of the applicant's name and date. */
export function drawSealMark(
  c: Content,
  position: SealPosition,
  wordsLow = false,
  at: { x: number; y: number } = sealCentre(position),
): void {
  const { x, y } = at;
  const r = seal.diameter / 2;
  c.dashedCircle(x, y, r, seal.gray);
  c.textCentred('盖章处', x, wordsLow ? y - r + 12 : y - 4, 11, seal.gray);
}

/** Half a 40 mm circle on the right edge, with 骑缝章 reading upwards: where the straddling seal goes. */
export function drawCrossPageMark(c: Content, sheet: Sheet = A4, cy = sheet.height / 2): void {
  const r = seal.diameter / 2;
  c.dashedCircle(sheet.width, cy, r, seal.gray, true);
  const text = '骑缝章';
  c.textUp(text, sheet.width - mm(4), cy - c.width(text, 9) / 2, 9, seal.gray);
}

/**
 * All of a page's marks, as one content stream fragment drawn in the coordinates of the page's `sheet`. A place
 * left unchecked (no ink was looked at) is the corner or the middle of this sheet, whatever size it turned out.
 */
export function drawMarks(c: Content, marks: PageMarks, style: NumberStyle, sheet: Sheet, cover = false): void {
  const edge = marks.crossPageAt?.choice === 'unchecked' ? undefined : marks.crossPageAt;
  if (marks.crossPage) drawCrossPageMark(c, sheet, edge?.y);
  const spot = marks.sealAt?.choice === 'unchecked' ? undefined : marks.sealAt;
  if (marks.seal) drawSealMark(c, marks.seal, cover, spot ?? sealCentre(marks.seal, sheet));
  drawNumber(c, marks, style, sheet);
}
