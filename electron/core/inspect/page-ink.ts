/**
 * Where a page's picture carries ink, and where that ink is red (a seal): per pixel, and kept coarsely with the
 * page's findings (`PageInk`) so that the assembly places its seal marks without drawing the page again.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { PageInk } from '#shared/page-findings.ts';
import type { ColourPicture } from './colour-pages.ts';
import { inkThreshold, paperLevel } from './ink.ts';

/** 36 dpi: a pixel is 2 points, finer than the sheet grid's 2.5 mm cells. */
export const INK_DPI = 36;

/** Red ink: red well above green and blue (a seal, however faint its print). */
const RED_LEAD = 60;

/** Pixels of INK_DPI that make one stored cell across and down: cells of 4 points, about 1.4 mm. */
const PIXELS_A_CELL = 2;

/** Each pixel of the picture: 0 paper, 1 ink (darker than the paper by INK_CONTRAST), 2 red ink. */
export function inkPixels(picture: ColourPicture): Uint8Array {
  const { data, width, height } = picture;
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i += 1) grey[i] = Math.min(data[3 * i]!, data[3 * i + 1]!, data[3 * i + 2]!);
  const threshold = inkThreshold(paperLevel({ data: grey, width, height, sourceDpi: Infinity, dpi: INK_DPI }));
  const ink = new Uint8Array(grey.length);
  for (let i = 0; i < grey.length; i += 1) {
    if (grey[i]! >= threshold) continue;
    ink[i] = data[3 * i]! - Math.max(data[3 * i + 1]!, data[3 * i + 2]!) > RED_LEAD ? 2 : 1;
  }
  return ink;
}

/**
 * The ink of a page's picture as shown at INK_DPI, in cells of PIXELS_A_CELL pixels (a cell keeps its strongest).
 * `shown`: a PDF page's exact size in points; the picture's pixels round it to 2 points, and a drawing kept at its
 * own paper size (A3) is told by its exact size.
 */
export function pageInk(picture: ColourPicture, shown?: { width: number; height: number }): PageInk {
  const { width, height } = picture;
  const pixels = inkPixels(picture);
  const cols = Math.ceil(width / PIXELS_A_CELL);
  const rows = Math.ceil(height / PIXELS_A_CELL);
  const cells = new Uint8Array(cols * rows);
  for (let y = 0; y < height; y += 1) {
    const row = Math.floor(y / PIXELS_A_CELL) * cols;
    for (let x = 0, i = y * width; x < width; x += 1, i += 1) {
      const kind = pixels[i]!;
      if (kind === 0) continue; // most of a page is paper
      const at = row + Math.floor(x / PIXELS_A_CELL);
      if (kind > cells[at]!) cells[at] = kind;
    }
  }
  const point = 72 / INK_DPI;
  return {
    width: shown?.width ?? width * point,
    height: shown?.height ?? height * point,
    cell: PIXELS_A_CELL * point,
    cols,
    rows,
    cells: deflateRawSync(cells).toString('base64'),
  };
}

/** The cells of a stored `PageInk`, or undefined when they are not what it says (a damaged or foreign row). */
export function pageInkCells(ink: PageInk): Uint8Array | undefined {
  try {
    const cells = new Uint8Array(inflateRawSync(Buffer.from(ink.cells, 'base64')));
    return cells.length === ink.cols * ink.rows ? cells : undefined;
  } catch {
    return undefined;
  }
}
