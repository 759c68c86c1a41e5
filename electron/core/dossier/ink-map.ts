/**
 * The ink on the pages that get a seal mark, as a coarse grid on the sheet (see mark-places.ts): the page's ink kept
 * by its inspection (inspect/page-ink.ts, made at attach time in the app) put where the page lands on the sheet;
 * a page without it is drawn small now (pdfjs for a PDF, sharp for an image). Only marked pages are looked at. A
 * page cut, split or that cannot be drawn, or any past the time budget, gets no grid: its marks stay where laid out.
 */
import { imageColour, renderPageColour, scanColour, type ColourPicture } from '../inspect/colour-pages.ts';
import { INK_DPI, inkPixels, pageInkCells } from '../inspect/page-ink.ts';
import { openWithPdfJs } from '../inspect/pdfjs-pages.ts';
import { pageSource, type PreparedImage } from './image-input.ts';
import { pagePixels, rasterColour, tiffPageData } from './tiff-image.ts';
import { INK_CELL, emptyGrid, pagesToLookAt, placeEdge, type InkGrid } from './mark-places.ts';
import { openPdf, type PreparedPdf } from './pdf-input.ts';
import { placePage, sheetRuleOf } from './plan.ts';
import type { PreparedInput } from './prepare.ts';
import type { PageInk } from '#shared/page-findings.ts';
import type { PagePlan, Placement, PlannedPage, PlanInput, QuarterTurn } from './types.ts';

type ContentPage = Extract<PlannedPage, { kind: 'content' }>;

/**
 * Looking stops after this long in all (a dossier of many hundred pages); the pages not yet looked at keep their
 * marks where laid out (`unchecked`). About 25–60 ms a page: some 300 pages fit.
 */
const LOOK_BUDGET_MS = 15_000;

/** Where a point of the page as shown (u across, v down, 0–1) lands in the placed box once turned clockwise. */
function turned(u: number, v: number, turn: QuarterTurn): [number, number] {
  if (turn === 90) return [1 - v, u];
  if (turn === 180) return [1 - u, 1 - v];
  if (turn === 270) return [v, 1 - u];
  return [u, v];
}

/** Where a point of the page as shown (u across, v down, 0–1) lands on the sheet (points, from the bottom left). */
function onSheet(u: number, v: number, p: Placement): [number, number] {
  const [x, y] = turned(u, v, p.turn);
  return [p.x + x * p.width, p.y + (1 - y) * p.height];
}

/**
 * The ink of a picture of the page as shown, placed on the sheet as `p` says. Each ink pixel marks the cell under
 * its centre: a pixel (2 points at INK_DPI on A4) is smaller than the room a mark keeps from ink.
 */
export function gridOf(picture: ColourPicture, p: Placement): InkGrid {
  const { width, height } = picture;
  const ink = inkPixels(picture);
  const grid = emptyGrid(INK_CELL, p.sheet);
  const { cols, rows, cell, cells } = grid;
  const upright = p.turn % 180 === 0;
  // Where a pixel lands is separable: its column decides one sheet axis and its row the other. The cell of pixel
  // (px, py) is `alongX[px] + alongY[py]` when both are on the sheet; -1 marks off it.
  const alongX = Int32Array.from({ length: width }, (_, px) => {
    const [x, y] = onSheet((px + 0.5) / width, 0.5, p);
    return upright ? offSheet(Math.floor(x / cell), cols) : offSheet(Math.floor(y / cell), rows) * cols;
  });
  const alongY = Int32Array.from({ length: height }, (_, py) => {
    const [x, y] = onSheet(0.5, (py + 0.5) / height, p);
    return upright ? offSheet(Math.floor(y / cell), rows) * cols : offSheet(Math.floor(x / cell), cols);
  });
  for (let py = 0; py < height; py += 1) {
    if (alongY[py]! < 0) continue;
    for (let px = 0, at = py * width; px < width; px += 1, at += 1) {
      const kind = ink[at]!;
      if (kind === 0 || alongX[px]! < 0) continue;
      const c = alongX[px]! + alongY[py]!;
      if (cells[c]! < kind) cells[c] = kind;
    }
  }
  return grid;
}

/** `i` when it is one of `count` cells, else -1. */
function offSheet(i: number, count: number): number {
  return i >= 0 && i < count ? i : -1;
}

/**
 * For each of `count` stored cells along one side of the page (`step` of it each), the first and last sheet cell it
 * covers along the sheet's side it lands on (`at`: the sheet coordinate of a fraction of the page's side).
 */
function spans(count: number, step: number, at: (f: number) => number, cell: number, limit: number): Int32Array {
  const clamp = (v: number) => Math.min(limit - 1, Math.max(0, v));
  const out = new Int32Array(2 * count);
  for (let i = 0; i < count; i += 1) {
    const [a, b] = [at(i * step), at(Math.min(1, (i + 1) * step))];
    out[2 * i] = clamp(Math.floor(Math.min(a, b) / cell));
    out[2 * i + 1] = clamp(Math.ceil(Math.max(a, b) / cell) - 1);
  }
  return out;
}

/**
 * The stored ink of a page (see inspect/page-ink.ts) placed on the sheet as `p` says: each inked cell marks every
 * sheet cell its box touches, so no ink the drawing would have seen is missed. Undefined if the cells are unreadable.
 * A quarter turn keeps boxes square to the sheet: a page column covers the same sheet cells on every row.
 */
export function gridOfPageInk(ink: PageInk, p: Placement): InkGrid | undefined {
  const stored = pageInkCells(ink);
  if (!stored) return undefined;
  const grid = emptyGrid(INK_CELL, p.sheet);
  const upright = p.turn % 180 === 0; // the page's rows run across the sheet; turned a quarter, up it
  const byColumn = spans(
    ink.cols,
    ink.cell / ink.width,
    (u) => onSheet(u, 0, p)[upright ? 0 : 1],
    grid.cell,
    upright ? grid.cols : grid.rows,
  );
  const byRow = spans(
    ink.rows,
    ink.cell / ink.height,
    (v) => onSheet(0, v, p)[upright ? 1 : 0],
    grid.cell,
    upright ? grid.rows : grid.cols,
  );
  for (let r = 0; r < ink.rows; r += 1)
    for (let c = 0; c < ink.cols; c += 1) {
      const kind = stored[r * ink.cols + c]!;
      if (kind === 0) continue;
      const [across, up] = upright ? [2 * c, 2 * r] : [2 * r, 2 * c];
      const [x0, x1] = upright ? [byColumn[across]!, byColumn[across + 1]!] : [byRow[across]!, byRow[across + 1]!];
      const [y0, y1] = upright ? [byRow[up]!, byRow[up + 1]!] : [byColumn[up]!, byColumn[up + 1]!];
      for (let y = y0; y <= y1; y += 1)
        for (let x = x0; x <= x1; x += 1)
          if (grid.cells[y * grid.cols + x]! < kind) grid.cells[y * grid.cols + x] = kind;
    }
  return grid;
}

/** Pages whose picture is changed before printing (cut out, split): their ink is not where the page shows it. */
function reshaped(page: ContentPage): boolean {
  return !!(page.part || page.edit?.crop || page.edit?.split);
}

/**
 * The ink seen so far on the fore-edge pages of each section, merged (a cell keeps the strongest ink of any page):
 * once no height is free on the merged grid, the section's 骑缝章 is `crowded` whatever its other pages hold, and
 * those that carry no 公章 need not be drawn.
 */
export class EdgeSettling {
  private readonly merged = new Map<string, InkGrid>();
  private readonly settled = new Set<string>();

  /** Whether this page's ink can still change a mark's place. */
  wanted(page: ContentPage): boolean {
    return !!page.marks.seal || !this.settled.has(page.section);
  }

  seen(page: ContentPage, grid: InkGrid): void {
    if (!page.marks.crossPage || this.settled.has(page.section)) return;
    const merged = this.merged.get(page.section) ?? emptyGrid(grid.cell, grid.sheet);
    for (let i = 0; i < merged.cells.length; i += 1)
      if (grid.cells[i]! > merged.cells[i]!) merged.cells[i] = grid.cells[i]!;
    this.merged.set(page.section, merged);
    if (placeEdge([merged]).choice === 'crowded') this.settled.add(page.section);
  }
}

async function pdfGrids(
  input: PreparedPdf,
  pages: ContentPage[],
  planned: PlanInput,
  edges: EdgeSettling,
  keep: (page: ContentPage, grid: InkGrid) => void,
  deadline: number,
): Promise<void> {
  const { doc: pdf, pages: geometry } = await openPdf(input);
  const source = pdf.getPages();
  let doc: Awaited<ReturnType<typeof openWithPdfJs>> | undefined;
  try {
    for (const page of pages) {
      if (performance.now() > deadline) return;
      if (!edges.wanted(page)) continue;
      const scan = await scanColour(source[page.source.page]!, INK_DPI);
      doc ??= scan ? undefined : await openWithPdfJs(input.loadPath);
      const picture = scan ?? (await renderPageColour(doc!, page.source.page + 1, INK_DPI));
      keep(page, gridOf(picture, placementOf(page, geometry[page.source.page]!.shown, planned)));
    }
  } finally {
    await doc?.destroy();
  }
}

async function imageGrid(input: PreparedImage, page: ContentPage): Promise<InkGrid> {
  const p = page.placement!;
  const across = ((p.turn % 180 === 0 ? p.width : p.height) / 72) * INK_DPI;
  const pixels = input.format === 'tiff' ? pagePixels(tiffPageData(input, page.source.page)) : undefined;
  const picture = pixels
    ? rasterColour(pixels, across)
    : await imageColour(pageSource(input, page.source.page), across);
  return gridOf(picture, p);
}

/** A page's stored ink (from its file's inspection), if there is one. */
export type StoredInk = (page: ContentPage) => PageInk | undefined;

/** The placement of a PDF page whose size the plan did not know, from its size as shown. */
function placementOf(page: ContentPage, size: { width: number; height: number }, planned: PlanInput): Placement {
  if (page.placement) return page.placement;
  const material = planned.materials[page.source.material]!;
  const { clerkTurn } = material.files[page.source.file]!.pages[page.source.page]!;
  const rule = sheetRuleOf(planned, material);
  return placePage({ ...size, ...(clerkTurn === undefined ? {} : { clerkTurn }) }, planned.options.landscape, rule);
}

/**
 * The ink grid of every content page that carries a seal mark, by physical page: from the page's stored ink where
 * its inspection kept one, else drawn now. A file that cannot be drawn leaves its pages out (their marks then stay
 * where laid out, `unchecked`): the dossier is still made. A page that bears only the 骑缝章 of a section whose
 * fore-edge is already found crowded is not drawn (see EdgeSettling).
 */
export async function inkGrids(
  plan: PagePlan,
  prepared: PreparedInput[][],
  planned: PlanInput,
  stored: StoredInk = () => undefined,
): Promise<Map<number, InkGrid>> {
  const grids = new Map<number, InkGrid>();
  const edges = new EdgeSettling();
  const keep = (page: ContentPage, grid: InkGrid) => {
    grids.set(page.physical, grid);
    edges.seen(page, grid);
  };
  const byFile = new Map<PreparedInput, ContentPage[]>();
  for (const page of pagesToLookAt(plan)) {
    if (reshaped(page)) continue;
    const ink = stored(page);
    const grid = ink && gridOfPageInk(ink, placementOf(page, ink, planned));
    if (grid) {
      keep(page, grid);
      continue;
    }
    const input = prepared[page.source.material]![page.source.file]!;
    const group = byFile.get(input) ?? [];
    group.push(page);
    byFile.set(input, group);
  }
  const deadline = performance.now() + LOOK_BUDGET_MS;
  for (const [input, group] of byFile) {
    if (!group.some((page) => edges.wanted(page))) continue;
    try {
      if (input.kind === 'pdf') await pdfGrids(input, group, planned, edges, keep, deadline);
      else
        for (const page of group) {
          if (performance.now() > deadline) break;
          if (edges.wanted(page)) keep(page, await imageGrid(input, page));
        }
    } catch {
      // Not drawable here (a font pdfjs cannot read, an image sharp refuses): printed with the marks as laid out.
    }
  }
  return grids;
}
