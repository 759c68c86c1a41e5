/**
 * The ink on the pages that get a seal mark, as a coarse grid on the sheet (see mark-places.ts): each such page
 * drawn small (pdfjs for a PDF, sharp for an image), its non-white pixels put where the page lands on the sheet.
 * Only marked pages are drawn. A page cut, split or that cannot be drawn, or any past the time budget, gets no grid:
 * its marks stay where laid out.
 */
import { imageColour, renderPageColour, scanColour, type ColourPicture } from '../inspect/colour-pages.ts';
import { inkThreshold, paperLevel } from '../inspect/ink.ts';
import { openWithPdfJs } from '../inspect/pdfjs-pages.ts';
import { pageSource, type PreparedImage } from './image-input.ts';
import { INK_CELL, emptyGrid, pagesToLookAt, type InkGrid } from './mark-places.ts';
import { openPdf, type PreparedPdf } from './pdf-input.ts';
import { placePage, sheetRuleOf } from './plan.ts';
import type { PreparedInput } from './prepare.ts';
import type { PagePlan, Placement, PlannedPage, PlanInput, QuarterTurn } from './types.ts';

type ContentPage = Extract<PlannedPage, { kind: 'content' }>;

/** 36 dpi: a pixel is 2 points, finer than the grid's 2.5 mm cells. */
export const INK_DPI = 36;

/**
 * Looking stops after this long in all (a dossier of many hundred pages); the pages not yet looked at keep their
 * marks where laid out (`unchecked`). About 25–60 ms a page: some 300 pages fit.
 */
const LOOK_BUDGET_MS = 15_000;

/** Red ink: red well above green and blue (a seal, however faint its print). */
const RED_LEAD = 60;

/** Where a point of the page as shown (u across, v down, 0–1) lands in the placed box once turned clockwise. */
function turned(u: number, v: number, turn: QuarterTurn): [number, number] {
  if (turn === 90) return [1 - v, u];
  if (turn === 180) return [1 - u, 1 - v];
  if (turn === 270) return [v, 1 - u];
  return [u, v];
}

/**
 * The ink of a picture of the page as shown, placed on the sheet as `p` says. Each ink pixel marks the cell under
 * its centre: a pixel (2 points at INK_DPI) is smaller than the room a mark keeps from ink.
 */
export function gridOf(picture: ColourPicture, p: Placement): InkGrid {
  const { data, width, height } = picture;
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i += 1) grey[i] = Math.min(data[3 * i]!, data[3 * i + 1]!, data[3 * i + 2]!);
  const threshold = inkThreshold(paperLevel({ data: grey, width, height, sourceDpi: Infinity, dpi: INK_DPI }));
  const grid = emptyGrid(INK_CELL, p.sheet);
  const { cols, rows, cell, cells } = grid;
  for (let py = 0; py < height; py += 1)
    for (let px = 0; px < width; px += 1) {
      const i = py * width + px;
      if (grey[i]! >= threshold) continue;
      const [u, v] = turned((px + 0.5) / width, (py + 0.5) / height, p.turn);
      const col = Math.floor((p.x + u * p.width) / cell);
      const row = Math.floor((p.y + (1 - v) * p.height) / cell);
      if (col < 0 || row < 0 || col >= cols || row >= rows) continue;
      const red = data[3 * i]! - Math.max(data[3 * i + 1]!, data[3 * i + 2]!) > RED_LEAD ? 2 : 1;
      if (cells[row * cols + col]! < red) cells[row * cols + col] = red;
    }
  return grid;
}

/** Pages whose picture is changed before printing (cut out, split): their ink is not where the page shows it. */
function reshaped(page: ContentPage): boolean {
  return !!(page.part || page.edit?.crop || page.edit?.split);
}

async function pdfGrids(
  input: PreparedPdf,
  pages: ContentPage[],
  planned: PlanInput,
  grids: Map<number, InkGrid>,
  deadline: number,
): Promise<void> {
  const { doc: pdf, pages: geometry } = await openPdf(input);
  const source = pdf.getPages();
  let doc: Awaited<ReturnType<typeof openWithPdfJs>> | undefined;
  try {
    for (const page of pages) {
      if (performance.now() > deadline) return;
      const scan = await scanColour(source[page.source.page]!, INK_DPI);
      doc ??= scan ? undefined : await openWithPdfJs(input.loadPath);
      const picture = scan ?? (await renderPageColour(doc!, page.source.page + 1, INK_DPI));
      const shown = planned.materials[page.source.material]!.files[page.source.file]!.pages[page.source.page]!;
      const size = geometry[page.source.page]!.shown;
      const clerkTurn = shown.clerkTurn;
      const rule = sheetRuleOf(planned, planned.materials[page.source.material]);
      const placement =
        page.placement ??
        placePage({ ...size, ...(clerkTurn === undefined ? {} : { clerkTurn }) }, planned.options.landscape, rule);
      grids.set(page.physical, gridOf(picture, placement));
    }
  } finally {
    await doc?.destroy();
  }
}

async function imageGrid(input: PreparedImage, page: ContentPage): Promise<InkGrid> {
  const p = page.placement!;
  const acrossPoints = p.turn % 180 === 0 ? p.width : p.height;
  const picture = await imageColour(pageSource(input, page.source.page), (acrossPoints / 72) * INK_DPI);
  return gridOf(picture, p);
}

/**
 * The ink grid of every content page that carries a seal mark, by physical page. A file that cannot be drawn
 * leaves its pages out (their marks then stay where laid out, `unchecked`): the dossier is still made.
 */
export async function inkGrids(
  plan: PagePlan,
  prepared: PreparedInput[][],
  planned: PlanInput,
): Promise<Map<number, InkGrid>> {
  const grids = new Map<number, InkGrid>();
  const byFile = new Map<PreparedInput, ContentPage[]>();
  for (const page of pagesToLookAt(plan)) {
    if (reshaped(page)) continue;
    const input = prepared[page.source.material]![page.source.file]!;
    const group = byFile.get(input) ?? [];
    group.push(page);
    byFile.set(input, group);
  }
  const deadline = performance.now() + LOOK_BUDGET_MS;
  for (const [input, pages] of byFile) {
    try {
      if (input.kind === 'pdf') await pdfGrids(input, pages, planned, grids, deadline);
      else
        for (const page of pages) {
          if (performance.now() > deadline) break;
          grids.set(page.physical, await imageGrid(input, page));
        }
    } catch {
      // Not drawable here (a font pdfjs cannot read, an image sharp refuses): printed with the marks as laid out.
    }
  }
  return grids;
}
