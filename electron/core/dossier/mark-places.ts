/**
 * Where the 公章 and 骑缝章 marks go on pages that already carry ink: a seal, a signature, text up to the edge.
 * Pure: it takes the ink of each marked page as a coarse grid on the sheet (see ink-map.ts) and the page plan, and
 * gives the plan back with each mark's place. The cover is the dossier's own page, laid out for its seal: not moved.
 */
import type { EdgeSpot, InkKind, SealCorner, SealSpot } from '#shared/dossier/mark-spots.ts';
import { margins, seal } from './layout.ts';
import { sealCentre } from './marks.ts';
import { A4, type PagePlan, type PlannedPage, type Sheet } from './types.ts';

/**
 * A sheet's ink, coarsely: `cols` × `rows` cells of `cell` points, row 0 at the bottom of the sheet.
 * Each cell is 0 (paper), 1 (ink) or 2 (red ink: a seal).
 */
export interface InkGrid {
  /** The sheet the page is printed on. */
  sheet: Sheet;
  cell: number;
  cols: number;
  rows: number;
  cells: Uint8Array;
}

/** A box on the sheet: left, bottom, right, top (points). */
export type SheetBox = [number, number, number, number];

/** 2.5 mm: fine enough to slip a 40 mm circle between two seals, coarse enough to be searched at once. */
export const INK_CELL = (2.5 * 72) / 25.4;

export function emptyGrid(cell = INK_CELL, sheet: Sheet = A4): InkGrid {
  const cols = Math.ceil(sheet.width / cell);
  const rows = Math.ceil(sheet.height / cell);
  return { sheet, cell, cols, rows, cells: new Uint8Array(cols * rows) };
}

function cellRange(grid: InkGrid, box: SheetBox): [number, number, number, number] {
  const clamp = (v: number, max: number) => Math.min(max - 1, Math.max(0, v));
  return [
    clamp(Math.floor(box[0] / grid.cell), grid.cols),
    clamp(Math.floor(box[1] / grid.cell), grid.rows),
    clamp(Math.ceil(box[2] / grid.cell) - 1, grid.cols),
    clamp(Math.ceil(box[3] / grid.cell) - 1, grid.rows),
  ];
}

/** Marks a box as inked (`kind` 1) or as a seal (2); a cell keeps the stronger of the two. */
export function inkBox(grid: InkGrid, box: SheetBox, kind: 1 | 2 = 1): void {
  const [c0, r0, c1, r1] = cellRange(grid, box);
  for (let r = r0; r <= r1; r += 1)
    for (let c = c0; c <= c1; c += 1) grid.cells[r * grid.cols + c] = Math.max(grid.cells[r * grid.cols + c]!, kind);
}

/** The strongest ink in a box: 0 none, 1 ink, 2 a seal. */
export function inkIn(grid: InkGrid, box: SheetBox): number {
  const [c0, r0, c1, r1] = cellRange(grid, box);
  let most = 0;
  for (let r = r0; r <= r1; r += 1)
    for (let c = c0; c <= c1; c += 1) most = Math.max(most, grid.cells[r * grid.cols + c]!);
  return most;
}

const R = seal.diameter / 2;
/** Room kept between a mark and the ink it avoids: a stamp never lands exactly on its mark. */
const CLEARANCE = (2 * 72) / 25.4;

function withClearance(box: SheetBox): SheetBox {
  return [box[0] - CLEARANCE, box[1] - CLEARANCE, box[2] + CLEARANCE, box[3] + CLEARANCE];
}

/** The square around the 公章 circle centred at (x, y). */
export function sealBox(x: number, y: number): SheetBox {
  return [x - R, y - R, x + R, y + R];
}

/** The box of the 骑缝章 half circle on the right edge at height `y`. */
export function edgeBox(y: number, sheet: Sheet = A4): SheetBox {
  return [sheet.width - R, y - R, sheet.width, y + R];
}

const kindOf = (ink: number): InkKind => (ink === 2 ? 'seal' : 'ink');

/** Centres the 公章 may move to: the circle whole in the sheet's lower half, inside the margins, above the number. */
function lowerHalfCentres(step: number, sheet: Sheet): { x: number; y: number }[] {
  const centres: { x: number; y: number }[] = [];
  const [x0, x1] = [margins.side + R, sheet.width - margins.side - R];
  const [y0, y1] = [margins.bottom + R, sheet.height / 2 - R];
  for (let y = y0; y <= y1; y += step) for (let x = x0; x <= x1; x += step) centres.push({ x, y });
  return centres;
}

/**
 * The 公章 mark's place: the chosen corner when no ink is there, else the nearest free place in the lower half,
 * else the corner all the same (`crowded`). `blocked`: other marks of the page (the 骑缝章) to keep clear of.
 * Without a grid (a page that could not be looked at) it stays in the corner of `sheet`, `unchecked`.
 */
export function placeSeal(
  grid: InkGrid | undefined,
  corner: SealCorner,
  blocked: SheetBox[] = [],
  sheet: Sheet = grid?.sheet ?? A4,
): SealSpot {
  const home = sealCentre(corner, sheet);
  if (!grid) return { ...home, r: R, choice: 'unchecked' };
  const clash = (box: SheetBox) =>
    blocked.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3]);
  const inkAround = (x: number, y: number) => inkIn(grid, withClearance(sealBox(x, y)));
  const homeInk = inkAround(home.x, home.y);
  if (homeInk === 0 && !clash(sealBox(home.x, home.y))) return { ...home, r: R, choice: 'chosen' };
  const avoided = kindOf(homeInk);
  const free = lowerHalfCentres(grid.cell, sheet)
    .filter((c) => inkAround(c.x, c.y) === 0 && !clash(sealBox(c.x, c.y)))
    .sort((a, b) => Math.hypot(a.x - home.x, a.y - home.y) - Math.hypot(b.x - home.x, b.y - home.y))[0];
  if (free) return { ...free, r: R, choice: 'moved', avoided };
  return { ...home, r: R, choice: 'crowded', avoided };
}

/**
 * The 骑缝章 mark's height on the fore-edge, one for all the front pages of a material (the seal is stamped once
 * across the stacked edges): the middle when it is free on every page, else the nearest height free on all,
 * else the middle all the same (`crowded`). Pages without a grid are not counted; with none at all: `unchecked`.
 */
export function placeEdge(grids: (InkGrid | undefined)[], sheet: Sheet = A4): EdgeSpot {
  const known = grids.filter((g): g is InkGrid => g !== undefined);
  const tallest = known.reduce((s, g) => (g.sheet.height > s.height ? g.sheet : s), known[0]?.sheet ?? sheet);
  const home = tallest.height / 2;
  if (known.length === 0) return { y: home, r: R, choice: 'unchecked' };
  const inkAt = (y: number) => Math.max(...known.map((g) => inkIn(g, withClearance(edgeBox(y, g.sheet)))));
  const homeInk = inkAt(home);
  if (homeInk === 0) return { y: home, r: R, choice: 'chosen' };
  const step = known[0]!.cell;
  const heights: number[] = [];
  const lowest = known.reduce((h, g) => Math.min(h, g.sheet.height), tallest.height);
  for (let y = margins.bottom + R; y <= lowest - margins.top - R; y += step) heights.push(y);
  const free = heights.sort((a, b) => Math.abs(a - home) - Math.abs(b - home)).find((y) => inkAt(y) === 0);
  if (free !== undefined) return { y: free, r: R, choice: 'moved', avoided: kindOf(homeInk) };
  return { y: home, r: R, choice: 'crowded', avoided: kindOf(homeInk) };
}

/** The content pages that carry a mark, whose ink is wanted (by physical page). */
export function pagesToLookAt(plan: PagePlan): Extract<PlannedPage, { kind: 'content' }>[] {
  return plan.pages.filter(
    (p): p is Extract<PlannedPage, { kind: 'content' }> =>
      p.kind === 'content' && !!(p.marks.seal || p.marks.crossPage),
  );
}

/**
 * The plan with every mark's place decided from the pages' ink (`grids`, by physical page), written into the
 * pages' marks (for drawing) and into the page map (for the seal plan and the checklist).
 */
export function placeMarks(plan: PagePlan, grids: Map<number, InkGrid>): PagePlan {
  const edges = new Map<string, EdgeSpot>();
  for (const page of pagesToLookAt(plan)) {
    if (!page.marks.crossPage || edges.has(page.section)) continue;
    const fronts = plan.pages.filter((p) => p.kind === 'content' && p.section === page.section && p.marks.crossPage);
    edges.set(
      page.section,
      placeEdge(
        fronts.map((p) => grids.get(p.physical)),
        plan.sheet,
      ),
    );
  }
  const pages = plan.pages.map((page): PlannedPage => {
    const marks = { ...page.marks };
    const edge = page.kind === 'content' && marks.crossPage ? edges.get(page.section) : undefined;
    if (edge) marks.crossPageAt = edge;
    if (marks.seal && page.kind === 'content') {
      const sheet = grids.get(page.physical)?.sheet ?? page.placement?.sheet ?? plan.sheet;
      marks.sealAt = placeSeal(grids.get(page.physical), marks.seal, edge ? [edgeBox(edge.y, sheet)] : [], sheet);
    }
    return { ...page, marks };
  });
  const pageList = plan.pageMap.pageList?.map((entry, i) => {
    const { seal: corner, sealAt, crossPageAt } = pages[i]!.marks;
    if (!corner && !crossPageAt) return entry;
    const seal = corner
      ? { corner, ...(sealAt ?? { ...sealCentre(corner, plan.sheet), r: R, choice: 'chosen' as const }) }
      : undefined;
    return { ...entry, marks: { ...(seal ? { seal } : {}), ...(crossPageAt ? { crossPage: crossPageAt } : {}) } };
  });
  return { ...plan, pages, pageMap: { ...plan.pageMap, ...(pageList ? { pageList } : {}) } };
}
