/** Where things sit on the sheet; shared by the plan (placement) and the drawing. Points, origin bottom-left. */
import { A4, mm, type Sheet } from './types.ts';

export const margins = { top: mm(12), side: mm(12), bottom: mm(25) } as const;

/** The printable area a page of another size or an image is fitted into: above the footer, inside the side margins. */
export function contentAreaOf(sheet: Sheet): { x: number; y: number; width: number; height: number } {
  return {
    x: margins.side,
    y: margins.bottom,
    width: sheet.width - 2 * margins.side,
    height: sheet.height - margins.top - margins.bottom,
  };
}

/** The printable area of an A4 sheet (the inspection sizes its pictures by it). */
export const contentArea = contentAreaOf(A4);

/** A page within this many points of a paper size counts as that size (A4 is often written 595 × 842). */
export const SIZE_TOLERANCE = 1;

export const footer = {
  /** Baseline of the page number, 10 mm above the bottom edge (inside the bottom 25 mm). */
  baseline: mm(10),
  size: 12,
  /** Distance of the number from the side edge in duplex (GB/T 9704: 单页码居右空一字, 双页码居左空一字). */
  outerInset: mm(20),
} as const;

export const seal = {
  diameter: mm(40),
  /** Centre of the circle from the nearest side edge and from the bottom (above the footer) or top. */
  inset: mm(15) + mm(20),
  gray: 0.6,
} as const;

/** Contents entries on an A4 page. */
export const TOC_PER_PAGE = 13;

/** Contents entries per page on this sheet: as many as A4 holds, in proportion to the room below the heading. */
export function tocPerPage(sheet: Sheet): number {
  const room = (s: Sheet) => s.height - mm(58) - margins.bottom;
  return Math.max(1, Math.floor((TOC_PER_PAGE * room(sheet)) / room(A4) + 1e-9));
}
