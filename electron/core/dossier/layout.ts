/** Where things sit on the A4 sheet; shared by the plan (placement) and the drawing. Points, origin bottom-left. */
import { A4, mm } from './types.ts';

export const margins = { top: mm(12), side: mm(12), bottom: mm(25) } as const;

/** The printable area a non-A4 page or an image is fitted into: above the footer, inside the side margins. */
export const contentArea = {
  x: margins.side,
  y: margins.bottom,
  width: A4.width - 2 * margins.side,
  height: A4.height - margins.top - margins.bottom,
} as const;

/** A page within this many points of A4 portrait counts as A4 (A4 is often written 595 × 842). */
export const A4_TOLERANCE = 1;

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

/** Contents entries per page. */
export const TOC_PER_PAGE = 13;
