/**
 * The picture of an image page as edited: the sheet cut out of a photo and flattened (OpenCV's perspective warp),
 * one band of a tall page, a scan levelled. Returns a sharp pipeline over the edited pixels, upright as the file
 * shows it (the quarter turn is left to the placement).
 */
import type Sharp from 'sharp';
import type { Band } from '#shared/page-findings.ts';
import { openCv } from '../inspect/opencv.ts';
import { sharp } from '../inspect/picture.ts';
import { croppedSize } from './page-edit.ts';
import type { PageEdit } from './types.ts';

interface Raw {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 3;
}

const WHITE = { r: 255, g: 255, b: 255 };

async function readRaw(file: string, page: number): Promise<Raw> {
  const meta = await sharp(file, { page }).metadata();
  let pipeline = sharp(file, { page, failOn: 'none' }).autoOrient().flatten({ background: WHITE });
  const grey = (meta.channels ?? 3) <= 2;
  pipeline = grey ? pipeline.greyscale() : pipeline.toColourspace('srgb').removeAlpha();
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels === 1 ? 1 : 3 };
}

async function flatten(raw: Raw, corners: NonNullable<PageEdit['crop']>): Promise<Raw> {
  const cv = await openCv();
  const size = croppedSize(raw.width, raw.height, corners);
  const type = raw.channels === 1 ? cv.CV_8UC1 : cv.CV_8UC3;
  const src = new cv.Mat(raw.height, raw.width, type);
  src.data.set(raw.data);
  const from = cv.matFromArray(
    4,
    1,
    cv.CV_32FC2,
    corners.flatMap((c) => [c.x * raw.width, c.y * raw.height]),
  );
  const to = cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, size.width, 0, size.width, size.height, 0, size.height]);
  const [matrix, dst] = [cv.getPerspectiveTransform(from, to), new cv.Mat()];
  try {
    cv.warpPerspective(src, dst, matrix, new cv.Size(size.width, size.height), cv.INTER_AREA, cv.BORDER_REPLICATE);
    return { data: Buffer.from(dst.data), width: size.width, height: size.height, channels: raw.channels };
  } finally {
    [src, from, to, matrix, dst].forEach((m) => m.delete());
  }
}

function cutBand(raw: Raw, band: Band): Raw {
  const top = Math.round(band.top * raw.height);
  const bottom = Math.max(top + 1, Math.round(band.bottom * raw.height));
  const row = raw.width * raw.channels;
  return { ...raw, data: raw.data.subarray(top * row, bottom * row), height: bottom - top };
}

function pipelineOf(raw: Raw): ReturnType<typeof Sharp> {
  return sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } });
}

/** Levels a scan: turned by `degrees` clockwise about its centre on white, cut back to its own size. */
async function level(raw: Raw, degrees: number): Promise<Raw> {
  const { data, info } = await pipelineOf(raw)
    .rotate(degrees, { background: WHITE })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const left = Math.floor((info.width - raw.width) / 2);
  const top = Math.floor((info.height - raw.height) / 2);
  const cut = await sharp(data, { raw: { width: info.width, height: info.height, channels: raw.channels } })
    .extract({ left, top, width: raw.width, height: raw.height })
    .raw()
    .toBuffer();
  return { ...raw, data: cut };
}

/** The edited picture of page `page` of an image file, and whether it is grey. */
export async function editedImage(
  file: string,
  page: number,
  edit: PageEdit | undefined,
  band: Band | undefined,
): Promise<{ pipeline: ReturnType<typeof Sharp>; grey: boolean }> {
  let raw = await readRaw(file, page);
  if (edit?.crop) raw = await flatten(raw, edit.crop);
  if (band) raw = cutBand(raw, band);
  if (edit?.straighten) raw = await level(raw, edit.straighten);
  return { pipeline: pipelineOf(raw), grey: raw.channels === 1 };
}
