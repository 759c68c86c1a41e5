/** What one page's picture shows: blank or not, turned, leaning, a photo of a sheet, too tall, hard to read. */
import type { PageFindings, QuarterTurn } from '#shared/page-findings.ts';
import { MAX_DPI } from '../dossier/image-input.ts';
import { isBlank } from './blank.ts';
import { paperLevel, percentile } from './ink.ts';
import { splitBands } from './long-page.ts';
import type { Cv } from './opencv.ts';
import { startOrientation, textOrientation, type TilesReading } from './osd.ts';
import { isLong, type Picture } from './picture.ts';
import { findSheet } from './sheet.ts';
import { lineSkew, MAX_SKEW } from './skew.ts';

/** Below this at its printed size a scan looks soft and small print is hard to read. */
export const MIN_DPI = 150;
/** Above MAX_DPI by this factor an image is reduced (a 300 dpi A4 scan fitted into the margins is ~340 dpi). */
const REDUCE_ABOVE = 1.35;
/** A lean smaller than this is not worth the resampling. */
const MIN_SKEW = 0.3;
const TOO_DARK_PAPER = 110;
/** Darkest ink no darker than this below the paper: faded or over-exposed. */
const FAINT_INK = 90;

export interface PictureContext {
  page: number;
  /** Images may be photos of a sheet or tall screenshots; PDF pages are taken as pages. */
  isImage: boolean;
}

function resolutionFindings(p: Picture, f: PageFindings): void {
  if (!Number.isFinite(p.sourceDpi)) return;
  f.dpi = Math.round(p.sourceDpi);
  if (p.sourceDpi < MIN_DPI) f.warnings.push('low-resolution');
  if (p.sourceDpi > MAX_DPI * REDUCE_ABOVE) f.proposals.reduceTo = MAX_DPI;
}

/** The lean of the page's lines once turned by `turn`; `upright` holds the lean measured before the turn was known. */
function skewAfter(cv: Cv, p: Picture, turn: QuarterTurn, upright?: { skew: number | undefined }): number | undefined {
  // A page upside down leans as it does upright: a line keeps its slope when turned half round.
  if (upright && turn % 180 === 0) return upright.skew;
  return lineSkew(cv, p, turn);
}

async function orientationFindings(
  cv: Cv,
  p: Picture,
  f: PageFindings,
  tiles: TilesReading,
  upright?: { skew: number | undefined },
): Promise<void> {
  const orientation = await textOrientation(p, tiles);
  if (orientation === undefined) return;
  f.orientation = orientation;
  const turn = ((360 - orientation) % 360) as QuarterTurn;
  if (turn !== 0) f.proposals.turn = turn;
  if (f.photo) return;
  const skew = skewAfter(cv, p, turn, upright);
  if (skew === undefined) return;
  f.skew = Math.round(skew * 100) / 100;
  if (Math.abs(skew) >= MIN_SKEW && Math.abs(skew) <= MAX_SKEW) f.proposals.straighten = -f.skew;
}

function legibilityFindings(p: Picture, f: PageFindings): void {
  if (f.photo) return;
  const paper = paperLevel(p);
  if (paper < TOO_DARK_PAPER) f.warnings.push('too-dark');
  // The darkest few pixels: one short line of text on a page is enough to judge by.
  else if (paper - percentile(p, 0.0002) < FAINT_INK) f.warnings.push('too-light');
}

/** Inspects one page's picture; `started`: its tiles already handed to Tesseract. */
export async function analysePicture(
  cv: Cv,
  p: Picture,
  context: PictureContext,
  started?: TilesReading,
): Promise<PageFindings> {
  const f: PageFindings = { page: context.page, blank: false, warnings: [], proposals: {} };
  resolutionFindings(p, f);
  if (context.isImage && isLong(p.width, p.height)) {
    f.long = true;
    f.proposals.split = splitBands(p);
    return f;
  }
  // Tesseract reads the densest text on its own thread while this one looks for a sheet and measures the lines.
  const tiles = started ?? (await startOrientation(p));
  const corners = context.isImage ? findSheet(cv, p) : undefined;
  if (corners) {
    f.photo = true;
    f.proposals.crop = corners;
  }
  // Most pages of text stand upright: their lean is measured while Tesseract reads which way they stand.
  const upright = !corners && tiles.found ? { skew: lineSkew(cv, p, 0) } : undefined;
  // Text read on the tiles is no blank page: the blank test is for pages where they read nothing.
  if (!corners && (await tiles.turn) === undefined && isBlank(cv, p)) {
    f.blank = true;
    f.proposals.skip = true;
    return f;
  }
  legibilityFindings(p, f);
  await orientationFindings(cv, p, f, tiles, upright);
  return f;
}
