/**
 * Images as dossier pages: one page per image (per page of a TIFF), EXIF orientation applied, transparency
 * flattened on white. Anything that is not fit for print as it is goes through sharp and is re-encoded as JPEG
 * at no more than 300 dpi at the size it is placed. Passed through byte for byte:
 * - a JPEG (8-bit grey or sRGB) whose EXIF orientation is a plain turn, whatever its resolution: the turn is
 *   made by the page's matrix, and re-encoding a 12 MP photo costs ~0.2 s for no gain on paper (and the
 *   output stays no larger than the input);
 * - an 8-bit grey or RGB PNG without alpha or interlacing, up to 1.35 × 300 dpi as placed;
 * - a page of a multi-page TIFF that tiff-raster.ts reads: a Group 4 page as it is coded, another bilevel page at
 *   one bit a pixel, grey or colour ones up to 1.35 × 300 dpi, each losslessly (see tiff-image.ts).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type Sharp from 'sharp';
import { DossierInputError } from './errors.ts';
import type { FileKind } from '#shared/file-kinds.ts';
import type { FileRanges } from './file-copy.ts';
import { jpegIsComplete } from './jpeg.ts';
import { pngIsComplete, readPng } from './png.ts';
import { singlePageTiff, tiffPages } from './tiff.ts';
import { faxRaster, tiffPageData, tiffXObject } from './tiff-image.ts';
import { editedImage } from './image-edit.ts';
import { changesPixels } from './page-edit.ts';
import type { PageEdit, PagePart, QuarterTurn } from './types.ts';

export interface ImagePageInfo {
  /** Size as shown (EXIF orientation applied), in pixels. */
  width: number;
  height: number;
  /** What decides whether a JPEG can be passed through as it is. */
  orientation?: number;
  channels?: number;
  space?: string;
  depth?: string;
  /** A page of a multi-page TIFF: where its directory is, to hand it to sharp as a TIFF of its own. */
  tiffDirectory?: number;
}

export interface PreparedImage {
  kind: 'image';
  file: string;
  format: FileKind;
  pages: ImagePageInfo[];
}

/** An image ready to be written as an image XObject. */
export interface ImageXObject {
  width: number;
  height: number;
  /** The dictionary's inside, without /Length. */
  dict: string;
  /** The stream data, or the file (a JPEG passed through) or the ranges of it (a PNG's IDAT chunks) that are. */
  data: Uint8Array | { file: string; ranges?: FileRanges };
  /** Clockwise turn that shows the stored pixels upright (EXIF orientation of a JPEG passed through). */
  turn: QuarterTurn;
  /** Made from the file's own data in about the time a cache entry takes to read (a TIFF page): not kept. */
  quick?: boolean;
}

let sharpLibrary: typeof Sharp | undefined;
/** sharp, loaded when the first image is met (libvips takes ~30 ms to load; a dossier of PDFs never needs it). */
function sharp(...args: Parameters<typeof Sharp>): ReturnType<typeof Sharp> {
  sharpLibrary ??= createRequire(import.meta.url)('sharp') as typeof Sharp;
  return sharpLibrary(...args);
}

/** Pixels per inch, at most, of an image re-encoded for the dossier. */
export const MAX_DPI = 300;
/** A JPEG or PNG passed through may be this much sharper than MAX_DPI before it is worth re-encoding. */
const PASS_THROUGH_SLACK = 1.35;
const EXIF_TURNS: Record<number, QuarterTurn> = { 1: 0, 3: 180, 6: 90, 8: 270 };

function swapsSides(orientation: number | undefined): boolean {
  return orientation !== undefined && orientation >= 5 && orientation <= 8;
}

/** Reads an image's page sizes; refuses cut-short and unreadable files. (HEIC never gets here: see `shared/file-kinds.ts`.) */
export async function prepareImage(file: string, format: FileKind): Promise<PreparedImage> {
  assertComplete(file, format);
  try {
    const pages = (format === 'tiff' && (await tiffPageInfos(file))) || [pageInfo(await sharp(file).metadata())];
    return { kind: 'image', file, format, pages };
  } catch (error) {
    if (error instanceof DossierInputError) throw error;
    throw new DossierInputError('image-unreadable', file, String((error as Error).message ?? error).slice(0, 100));
  }
}

/** A JPEG or PNG whose file ends before its picture does is refused: printed, part of the scan would be missing. */
function assertComplete(file: string, format: FileKind): void {
  if (format !== 'jpeg' && format !== 'png') return;
  const bytes = fs.readFileSync(file);
  if (!(format === 'jpeg' ? jpegIsComplete(bytes) : pngIsComplete(bytes)))
    throw new DossierInputError('image-truncated', file);
}

type Metadata = Awaited<ReturnType<ReturnType<typeof Sharp>['metadata']>>;

function pageInfo(
  m: Partial<Pick<Metadata, 'width' | 'height' | 'orientation' | 'channels' | 'space' | 'depth'>>,
): ImagePageInfo {
  const w = m.width ?? 0;
  const h = m.height ?? 0;
  if (!w || !h) throw new Error('no size');
  const facts = { orientation: m.orientation, channels: m.channels, space: m.space, depth: m.depth };
  return swapsSides(m.orientation) ? { width: h, height: w, ...facts } : { width: w, height: h, ...facts };
}

/**
 * The pages of a multi-page TIFF, from its directories read in one pass (sharp's metadata counts them all again
 * for every page it is asked about); the first page is read by sharp, as a file of its own, to be sure it decodes.
 * Undefined for a single page, or a TIFF that reader cannot follow: sharp then reads the file itself.
 */
async function tiffPageInfos(file: string): Promise<ImagePageInfo[] | undefined> {
  const found = tiffPages(file);
  if (found?.cut) throw new DossierInputError('image-truncated', file);
  const pages = found?.pages;
  if (!pages || pages.length < 2) return undefined;
  await sharp(singlePageTiff(file, pages[0]!.ifd)).metadata();
  return pages.map((p) => ({
    ...pageInfo({
      width: p.width,
      height: p.height,
      orientation: p.orientation,
      channels: p.samplesPerPixel as Metadata['channels'],
    }),
    tiffDirectory: p.ifd,
  }));
}

/** The largest pixel size worth keeping for an image placed `placedW` × `placedH` points (as shown). */
function pixelBudget(placedW: number, placedH: number, dpi: number): { w: number; h: number } {
  return { w: Math.ceil((placedW / 72) * dpi), h: Math.ceil((placedH / 72) * dpi) };
}

/**
 * The XObject for page `page` of an image placed `placedW` × `placedH` points, measured along the image's own
 * (upright) width and height.
 */
export async function encodeImage(
  image: PreparedImage,
  page: number,
  placedW: number,
  placedH: number,
  edit?: PageEdit,
  part?: PagePart,
): Promise<ImageXObject> {
  if (changesPixels(edit) || part) {
    const edited = await editedImage(image.file, page, edit, part?.band);
    return reencode(image, page, pixelBudget(placedW, placedH, MAX_DPI), edited);
  }
  const shown = image.pages[page]!;
  const limit = pixelBudget(placedW, placedH, MAX_DPI * PASS_THROUGH_SLACK);
  const small = shown.width <= limit.w && shown.height <= limit.h;
  if (image.format === 'jpeg') {
    const passed = jpegAsIs(image.file, shown);
    if (passed) return passed;
  }
  if (image.format === 'tiff') {
    // Bilevel pages at any resolution: a reduced fax page would print greyer and come out larger.
    const found = tiffPageData(image, page);
    // A fax page goes in as it is coded, once it is seen to decode whole (else sharp judges it).
    const whole = found?.kind === 'raster' || (found && faxRaster(found));
    if (found && whole && (found.kind === 'fax' || found.bits === 1 || small))
      return { ...tiffXObject(found), quick: true };
  }
  if (image.format === 'png' && small && !(shown.orientation && shown.orientation > 1)) {
    const png = readPng(image.file);
    if (png)
      return {
        width: png.width,
        height: png.height,
        dict: png.dict,
        data: { file: image.file, ranges: png.idat },
        turn: 0,
      };
  }
  return reencode(image, page, pixelBudget(placedW, placedH, MAX_DPI));
}

function jpegAsIs(file: string, m: ImagePageInfo): ImageXObject | undefined {
  const turn = EXIF_TURNS[m.orientation ?? 1];
  if (turn === undefined || m.depth !== 'uchar') return undefined;
  const space = m.channels === 1 ? 'DeviceGray' : m.channels === 3 && m.space === 'srgb' ? 'DeviceRGB' : undefined;
  if (!space) return undefined;
  // Stored pixels: the shown size turned back.
  const [width, height] = swapsSides(m.orientation) ? [m.height, m.width] : [m.width, m.height];
  return {
    width,
    height,
    dict: `/Type/XObject/Subtype/Image/Width ${width}/Height ${height}/ColorSpace/${space}/BitsPerComponent 8/Filter/DCTDecode`,
    data: { file },
    turn,
  };
}

/**
 * Where sharp finds one page: a TIFF page cut out as a file of its own (see tiff.ts; asking sharp for page after
 * page of the whole file costs time quadratic in the pages), else the file and the page's number in it.
 */
export function pageInput(image: PreparedImage, page: number): { input: Buffer | string; page: number } {
  const ifd = image.pages[page]!.tiffDirectory;
  if (ifd !== undefined) {
    try {
      return { input: singlePageTiff(image.file, ifd), page: 0 };
    } catch {
      // a page this reader cannot cut out: sharp finds it in the whole file
    }
  }
  return { input: image.file, page };
}

/** What sharp reads for one page (see `pageInput`). */
export function pageSource(image: PreparedImage, page: number): ReturnType<typeof Sharp> {
  const { input, page: at } = pageInput(image, page);
  return sharp(input, { page: at, failOn: 'truncated' });
}

/** Re-encodes the page's image as JPEG within `box`; `edited` is its edited picture (photo flattened, band cut …). */
async function reencode(
  image: PreparedImage,
  page: number,
  box: { w: number; h: number },
  edited?: { pipeline: ReturnType<typeof Sharp>; grey: boolean },
): Promise<ImageXObject> {
  try {
    let pipeline = edited?.pipeline ?? pageSource(image, page).rotate().flatten({ background: '#ffffff' });
    pipeline = pipeline.resize({ width: box.w, height: box.h, fit: 'inside', withoutEnlargement: true });
    if (edited ? edited.grey : (image.pages[page]!.channels ?? 3) <= 2) pipeline = pipeline.grayscale();
    else pipeline = pipeline.toColourspace('srgb');
    // Optimised Huffman tables need a second pass over every coefficient, held in memory: ~60 MB more peak and
    // ~3 ms more a page. Without them a screenshot's JPEG is about twice as large (the bench's twenty: 1.4 MB more
    // in a 274 MB dossier).
    const { data, info } = await pipeline
      .jpeg({ quality: 85, optimiseCoding: false })
      .toBuffer({ resolveWithObject: true });
    const space = info.channels === 1 ? 'DeviceGray' : 'DeviceRGB';
    return {
      width: info.width,
      height: info.height,
      dict: `/Type/XObject/Subtype/Image/Width ${info.width}/Height ${info.height}/ColorSpace/${space}/BitsPerComponent 8/Filter/DCTDecode`,
      data,
      turn: 0,
    };
  } catch (error) {
    throw new DossierInputError(
      'image-unreadable',
      image.file,
      String((error as Error).message ?? error).slice(0, 100),
    );
  }
}
