/**
 * A page of a multi-page TIFF into the dossier without sharp (see tiff-raster.ts): a Group 4 fax page's data goes
 * into the PDF as it is (CCITTFaxDecode), any other page the reader decodes goes in losslessly as its pixels
 * compressed by zlib (bilevel pages stay one bit a pixel). The picture of its ink under the seal marks, and the
 * inspection's picture of it, are scaled from the same pixels (a fax page's decoded by tiff-fax.ts). A page the
 * reader leaves to sharp comes back undefined.
 */
import { deflateSync } from 'node:zlib';
import type { ColourPicture } from '../inspect/colour-pages.ts';
import { analysisScale, printDpi, type DecodedPicture } from '../inspect/picture.ts';
import { DossierInputError } from './errors.ts';
import type { ImageXObject, PreparedImage } from './image-input.ts';
import { TiffDataDamaged } from './tiff-codecs.ts';
import { decodeGroup4 } from './tiff-fax.ts';
import { readTiffPage, TiffPageDamaged, type TiffFax, type TiffRaster } from './tiff-raster.ts';

/** Page `page` of a multi-page TIFF read by this process; refuses the file, by name, when the page's data is damaged. */
export function tiffPageData(image: PreparedImage, page: number): TiffRaster | TiffFax | undefined {
  const ifd = image.pages[page]?.tiffDirectory;
  if (ifd === undefined) return undefined;
  try {
    return readTiffPage(image.file, ifd);
  } catch (error) {
    if (error instanceof TiffPageDamaged)
      throw new DossierInputError(error.cut ? 'image-truncated' : 'image-unreadable', image.file);
    throw error;
  }
}

/** A fax page's pixels, decoded here; undefined when its data does not decode here (sharp then has its say). */
export function faxRaster(fax: TiffFax): TiffRaster | undefined {
  try {
    const data = decodeGroup4(fax.data, fax.width, fax.height, fax.blackIs1);
    return { kind: 'raster', width: fax.width, height: fax.height, channels: 1, bits: 1, data };
  } catch (error) {
    if (error instanceof TiffDataDamaged) return undefined;
    throw error;
  }
}

/** The pixels of a page read by this process (a fax page's decoded), for its ink and the inspection. */
export function pagePixels(found: TiffRaster | TiffFax | undefined): TiffRaster | undefined {
  return found?.kind === 'fax' ? faxRaster(found) : found;
}

/** The image XObject of a page read by this process. */
export function tiffXObject(found: TiffRaster | TiffFax): ImageXObject {
  const { width, height } = found;
  const space = found.kind === 'raster' && found.channels === 3 ? 'DeviceRGB' : 'DeviceGray';
  const bits = found.kind === 'fax' ? 1 : found.bits;
  const head = `/Type/XObject/Subtype/Image/Width ${width}/Height ${height}/ColorSpace/${space}/BitsPerComponent ${bits}`;
  if (found.kind === 'fax') {
    const parms = `/K -1/Columns ${width}/Rows ${height}${found.blackIs1 ? '/BlackIs1 true' : ''}`;
    return { width, height, dict: `${head}/Filter/CCITTFaxDecode/DecodeParms<<${parms}>>`, data: found.data, turn: 0 };
  }
  // Level 6 makes a bilevel page no larger than Group 4 would to within a few per cent, and ~3 × quicker than 9.
  return { width, height, dict: `${head}/Filter/FlateDecode`, data: deflateSync(found.data), turn: 0 };
}

/** For each of `count` cells across `size` pixels, the first and one past the last pixel it averages (at least one). */
function cellSpans(size: number, count: number): Int32Array {
  const spans = new Int32Array(2 * count);
  for (let i = 0; i < count; i += 1) {
    const a = Math.min(size - 1, Math.floor((i * size) / count));
    spans[2 * i] = a;
    spans[2 * i + 1] = Math.max(a + 1, Math.floor(((i + 1) * size) / count));
  }
  return spans;
}

/** The raster as 8-bit samples, a bilevel one unpacked (0 or 255). */
function samplesOf(r: TiffRaster): Uint8Array {
  if (r.bits === 8) return r.data;
  const rowBytes = Math.ceil(r.width / 8);
  const out = new Uint8Array(r.width * r.height);
  for (let y = 0, o = 0; y < r.height; y += 1)
    for (let x = 0; x < r.width; x += 1, o += 1)
      out[o] = ((r.data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1) * 255;
  return out;
}

/** A grey row enlarged: each pixel the one under it (`xs` as `cellSpans` gives them), in `out` channels. */
function nearestRow(row: Uint8Array, xs: Int32Array, into: Uint8Array, out: 1 | 3): void {
  for (let x = 0, o = 0; o < into.length; x += 1, o += out) {
    const v = row[xs[2 * x]!]!;
    into[o] = v;
    if (out === 3) into[o + 1] = into[o + 2] = v;
  }
}

/**
 * The raster `w` × `h` pixels large in `out` channels (grey 1, RGB 3): each pixel the mean of the raster's pixels in
 * its cell, or the one under it when the picture is the larger (a small page's pixels repeated, its rows copied
 * whole). A colour raster's grey is its luma.
 */
function scaled(r: TiffRaster, w: number, h: number, out: 1 | 3): Uint8Array {
  const [xs, ys] = [cellSpans(r.width, w), cellSpans(r.height, h)];
  const samples = samplesOf(r);
  const k = r.channels;
  const data = new Uint8Array(w * h * out);
  const sums = new Float64Array(3);
  const put = (o: number) => {
    if (out === 1) data[o] = Math.round(k === 1 ? sums[0]! : 0.2126 * sums[0]! + 0.7152 * sums[1]! + 0.0722 * sums[2]!);
    else for (let c = 0; c < 3; c += 1) data[o + c] = Math.round(sums[k === 3 ? c : 0]!);
  };
  for (let y = 0; y < h; y += 1) {
    const [y0, y1] = [ys[2 * y]!, ys[2 * y + 1]!];
    if (y > 0 && y0 === ys[2 * y - 2] && y1 === ys[2 * y - 1]) {
      data.copyWithin(y * w * out, (y - 1) * w * out, y * w * out);
      continue;
    }
    if (y1 - y0 === 1 && w >= r.width && k === 1) {
      nearestRow(samples.subarray(y0 * r.width, y1 * r.width), xs, data.subarray(y * w * out, (y + 1) * w * out), out);
      continue;
    }
    for (let x = 0; x < w; x += 1) {
      const [x0, x1] = [xs[2 * x]!, xs[2 * x + 1]!];
      if (y1 - y0 === 1 && x1 - x0 === 1) {
        const at = (y0 * r.width + x0) * k;
        for (let c = 0; c < k; c += 1) sums[c] = samples[at + c]!;
      } else {
        sums.fill(0);
        for (let sy = y0; sy < y1; sy += 1)
          for (let at = (sy * r.width + x0) * k, end = (sy * r.width + x1) * k; at < end; at += k)
            for (let c = 0; c < k; c += 1) sums[c] = sums[c]! + samples[at + c]!;
        const n = (y1 - y0) * (x1 - x0);
        for (let c = 0; c < k; c += 1) sums[c] = sums[c]! / n;
      }
      put((y * w + x) * out);
    }
  }
  return data;
}

/** The raster as an RGB picture `width` pixels across, its height in proportion (for the ink under the marks). */
export function rasterColour(r: TiffRaster, width: number): ColourPicture {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round((r.height * w) / r.width));
  return { data: scaled(r, w, h, 3), width: w, height: h };
}

/**
 * The raster as the inspection's picture of an image page (see inspect/picture.ts `decodePicture`): grey, at most
 * ANALYSIS_DPI at its size printed on A4. Its `pixels` are that grey picture: the page's ink is scaled from the
 * raster itself (`rasterColour`).
 */
export function rasterPicture(r: TiffRaster): DecodedPicture {
  const dpi = printDpi(r.width, r.height);
  const w = Math.max(1, Math.round(r.width * analysisScale(r.width, r.height)));
  const h = Math.max(1, Math.round((r.height * w) / r.width));
  const data = scaled(r, w, h, 1);
  return {
    grey: { data, width: w, height: h, sourceDpi: dpi, dpi: dpi * (w / r.width) },
    pixels: { data: Buffer.from(data.buffer, data.byteOffset, data.length), width: w, height: h, channels: 1 },
  };
}
