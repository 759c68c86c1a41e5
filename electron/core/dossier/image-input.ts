/**
 * Images as dossier pages: one page per image (per page of a TIFF), EXIF orientation applied, transparency
 * flattened on white. A JPEG or a plain PNG that is already fit for print goes in byte for byte; anything else
 * is re-encoded as JPEG by sharp at no more than 300 dpi at the size it is placed.
 */
import fs from 'node:fs';
import sharp from 'sharp';
import { DossierInputError } from './errors.ts';
import type { InputKind } from './input-kind.ts';
import { readPng } from './png.ts';
import type { QuarterTurn } from './types.ts';

export interface ImagePageInfo {
  /** Size as shown (EXIF orientation applied), in pixels. */
  width: number;
  height: number;
}

export interface PreparedImage {
  kind: 'image';
  file: string;
  format: InputKind;
  pages: ImagePageInfo[];
}

/** An image ready to be written as an image XObject. */
export interface ImageXObject {
  width: number;
  height: number;
  /** The dictionary's inside, without /Length. */
  dict: string;
  data: Uint8Array;
  /** Clockwise turn that shows the stored pixels upright (EXIF orientation of a JPEG passed through). */
  turn: QuarterTurn;
}

/** Pixels per inch, at most, of an image re-encoded for the dossier. */
export const MAX_DPI = 300;
/** A JPEG or PNG passed through may be this much sharper than MAX_DPI before it is worth re-encoding. */
const PASS_THROUGH_SLACK = 1.35;
const EXIF_TURNS: Record<number, QuarterTurn> = { 1: 0, 3: 180, 6: 90, 8: 270 };

function swapsSides(orientation: number | undefined): boolean {
  return orientation !== undefined && orientation >= 5 && orientation <= 8;
}

/** Reads an image's page sizes; refuses HEIC (sharp's libvips cannot decode HEVC) and unreadable files. */
export async function prepareImage(file: string, format: InputKind): Promise<PreparedImage> {
  try {
    const meta = await sharp(file).metadata();
    const count = format === 'tiff' ? (meta.pages ?? 1) : 1;
    const pages: ImagePageInfo[] = [];
    for (let i = 0; i < count; i += 1) {
      const m = i === 0 ? meta : await sharp(file, { page: i }).metadata();
      const w = m.width ?? 0;
      const h = m.height ?? 0;
      if (!w || !h) throw new Error('no size');
      pages.push(swapsSides(m.orientation) ? { width: h, height: w } : { width: w, height: h });
    }
    if (format === 'heic') await sharp(file).resize(8).raw().toBuffer();
    return { kind: 'image', file, format, pages };
  } catch (error) {
    if (format === 'heic') throw new DossierInputError('heic', file);
    throw new DossierInputError('image-unreadable', file, String((error as Error).message ?? error).slice(0, 100));
  }
}

/** The largest pixel size worth keeping for an image placed `placedW` × `placedH` points (as shown). */
function pixelBudget(placedW: number, placedH: number, dpi: number): { w: number; h: number } {
  return { w: Math.ceil((placedW / 72) * dpi), h: Math.ceil((placedH / 72) * dpi) };
}

/**
 * The XObject for page `page` of an image placed `placedW` × `placedH` points, measured along the image's own
 * (upright) width and height.
 */
export async function encodeImage(image: PreparedImage, page: number, placedW: number, placedH: number): Promise<ImageXObject> {
  const bytes = fs.readFileSync(image.file);
  const shown = image.pages[page]!;
  const limit = pixelBudget(placedW, placedH, MAX_DPI * PASS_THROUGH_SLACK);
  const small = shown.width <= limit.w && shown.height <= limit.h;
  if (image.format === 'jpeg' && small) {
    const passed = await jpegAsIs(bytes);
    if (passed) return passed;
  }
  if (image.format === 'png' && small) {
    const png = readPng(bytes);
    if (png) return { ...png, turn: 0 };
  }
  return reencode(image, page, pixelBudget(placedW, placedH, MAX_DPI));
}

async function jpegAsIs(bytes: Buffer): Promise<ImageXObject | undefined> {
  const m = await sharp(bytes).metadata();
  const turn = EXIF_TURNS[m.orientation ?? 1];
  if (turn === undefined || m.depth !== 'uchar' || !m.width || !m.height) return undefined;
  const space = m.channels === 1 ? 'DeviceGray' : m.channels === 3 && m.space === 'srgb' ? 'DeviceRGB' : undefined;
  if (!space) return undefined;
  return {
    width: m.width,
    height: m.height,
    dict: `/Type/XObject/Subtype/Image/Width ${m.width}/Height ${m.height}/ColorSpace/${space}/BitsPerComponent 8/Filter/DCTDecode`,
    data: bytes,
    turn,
  };
}

async function reencode(image: PreparedImage, page: number, box: { w: number; h: number }): Promise<ImageXObject> {
  try {
    let pipeline = sharp(image.file, { page, failOn: 'none' }).rotate().flatten({ background: '#ffffff' });
    pipeline = pipeline.resize({ width: box.w, height: box.h, fit: 'inside', withoutEnlargement: true });
    const meta = await sharp(image.file, { page }).metadata();
    if ((meta.channels ?? 3) <= 2) pipeline = pipeline.grayscale();
    else pipeline = pipeline.toColourspace('srgb');
    const { data, info } = await pipeline.jpeg({ quality: 85 }).toBuffer({ resolveWithObject: true });
    const space = info.channels === 1 ? 'DeviceGray' : 'DeviceRGB';
    return {
      width: info.width,
      height: info.height,
      dict: `/Type/XObject/Subtype/Image/Width ${info.width}/Height ${info.height}/ColorSpace/${space}/BitsPerComponent 8/Filter/DCTDecode`,
      data,
      turn: 0,
    };
  } catch (error) {
    throw new DossierInputError('image-unreadable', image.file, String((error as Error).message ?? error).slice(0, 100));
  }
}
