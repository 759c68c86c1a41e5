/**
 * A page as the inspection looks at it: one grey channel, upright as a viewer shows the file (EXIF and /Rotate
 * applied), at most ANALYSIS_DPI at its printed size.
 */
import { createRequire } from 'node:module';
import type Sharp from 'sharp';
import type { OutputInfo } from 'sharp';
import { contentArea } from '../dossier/layout.ts';

export interface Picture {
  data: Uint8Array;
  width: number;
  height: number;
  /** Pixels per inch of the source at its printed size; Infinity for drawn pages (text and vector drawings). */
  sourceDpi: number;
  /** Pixels per inch of this picture at the printed size. */
  dpi: number;
}

/** Fine enough for Tesseract to tell the orientation of 10 pt text; coarse enough to be quick. */
export const ANALYSIS_DPI = 150;
/** A4's long side at ANALYSIS_DPI, in pixels. */
const ANALYSIS_LONG_SIDE = Math.round((297 / 25.4) * ANALYSIS_DPI);
/** A tall page is looked at at most this wide (A4's short side at ANALYSIS_DPI). */
const ANALYSIS_WIDTH = Math.round((210 / 25.4) * ANALYSIS_DPI);

/** How much to shrink a picture for the analysis: a page to A4 at ANALYSIS_DPI, a tall one by its width. */
export function analysisScale(width: number, height: number): number {
  if (isLong(width, height)) return Math.min(1, ANALYSIS_WIDTH / width);
  return Math.min(1, ANALYSIS_LONG_SIDE / Math.max(width, height));
}

let sharpLibrary: typeof Sharp | undefined;
export function sharp(...args: Parameters<typeof Sharp>): ReturnType<typeof Sharp> {
  sharpLibrary ??= createRequire(import.meta.url)('sharp') as typeof Sharp;
  return sharpLibrary(...args);
}

/**
 * Pixels per inch of a picture this size printed on A4: its long side along the sheet's (a page scanned sideways
 * is printed turned upright), a tall one by its width.
 */
export function printDpi(width: number, height: number): number {
  if (isLong(width, height)) return width / (contentArea.width / 72);
  const [long, short] = [Math.max(width, height), Math.min(width, height)];
  return 72 / Math.min(contentArea.width / short, contentArea.height / long);
}

/** Taller than twice its width: a phone screenshot or a receipt, to be split rather than shrunk. */
export function isLong(width: number, height: number): boolean {
  return height > 2 * width;
}

/** The pipeline scaled down for the analysis. */
function analysisSized(pipeline: ReturnType<typeof Sharp>, w: number, h: number): ReturnType<typeof Sharp> {
  const width = Math.max(1, Math.round(w * analysisScale(w, h)));
  // A linear kernel: at half a 300 dpi scan's size it looks as Lanczos's does to the inspection, at half its cost.
  return pipeline.resize({ width, kernel: 'linear' });
}

function pictureOf(data: Buffer, info: OutputInfo, dpi: number, sourceWidth: number): Picture {
  if (info.channels !== 1) throw new Error(`grey picture with ${info.channels} channels`);
  const data8 = new Uint8Array(data.buffer, data.byteOffset, info.width * info.height);
  return { data: data8, width: info.width, height: info.height, sourceDpi: dpi, dpi: dpi * (info.width / sourceWidth) };
}

/** An image decoded once: its grey picture, and its pixels in colour (or grey) for where its ink is. */
export interface DecodedPicture {
  grey: Picture;
  pixels: { data: Buffer; width: number; height: number; channels: 1 | 3 };
}

export interface DecodeOptions {
  /** The page of a multi-page image. */
  page?: number;
  /** A clockwise quarter turn to apply (a PDF page's /Rotate). */
  turn?: number;
  /** The source's resolution at its printed size; by default the image's printed on A4 (`printDpi`). */
  dpi?: number;
  /** Whether to apply EXIF's orientation: yes for an image file, no for a PDF's image (readers show it as stored). */
  exif: boolean;
}

/**
 * An image (any format sharp reads) decoded once at the analysis's size (ANALYSIS_DPI at its print resolution),
 * upright as shown: EXIF's orientation if asked for, then `turn`.
 */
export async function decodePicture(input: Buffer | string, options: DecodeOptions): Promise<DecodedPicture> {
  const meta = await sharp(input, { page: options.page ?? 0 }).metadata();
  const exifSideways = options.exif && (meta.orientation ?? 1) >= 5;
  const sideways = exifSideways !== ((options.turn ?? 0) % 180 !== 0);
  const [w, h] = sideways ? [meta.height!, meta.width!] : [meta.width!, meta.height!];
  const dpi = options.dpi ?? printDpi(w, h);
  let pipeline = sharp(input, { page: options.page ?? 0, failOn: 'none' });
  if (options.exif) pipeline = pipeline.autoOrient();
  if (options.turn) pipeline = pipeline.rotate(options.turn);
  if (meta.hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' });
  const grey = meta.channels === 1 || meta.space === 'b-w';
  const decoded = await analysisSized(pipeline, w, h)
    .toColourspace(grey ? 'b-w' : 'srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = { data: decoded.data, width: decoded.info.width, height: decoded.info.height };
  if (grey) return { grey: pictureOf(decoded.data, decoded.info, dpi, w), pixels: { ...pixels, channels: 1 } };
  const { data, info } = await sharp(decoded.data, { raw: { ...pixels, channels: 3 } })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { grey: pictureOf(data, info, dpi, w), pixels: { ...pixels, channels: 3 } };
}

/**
 * A picture as a binary PGM, the plainest format Tesseract reads: no compression to make and undo (a PNG of a page
 * cost ~35 ms to write and as much again to read inside WebAssembly).
 */
export function pictureToPgm(p: Picture): Buffer {
  const header = Buffer.from(`P5\n${p.width} ${p.height}\n255\n`, 'latin1');
  return Buffer.concat([header, p.data]);
}
