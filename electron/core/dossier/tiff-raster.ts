/**
 * One page of a TIFF read in this process, for the common kinds a scanner or ImageMagick writes (strips, one plane,
 * none / LZW / Deflate / PackBits, with or without the horizontal predictor, bilevel, grey, palette or RGB, 1–16
 * bits, with or without alpha): decoded to a `TiffRaster`. A CCITT Group 4 page in one strip is handed over as its
 * coded data (`TiffFax`): PDF carries it as it is, and tiff-fax.ts decodes it where its pixels are needed. Anything
 * else (tiles, JPEG, Group 3, CMYK, a turned page…) is left to sharp (undefined).
 */
import { deflateDecode, lzwDecode, packBitsDecode, TiffDataDamaged } from './tiff-codecs.ts';
import { TiffFile } from './tiff.ts';

/** Pixels upright, rows top down. */
export interface TiffRaster {
  kind: 'raster';
  width: number;
  height: number;
  /** 1 grey, 3 RGB. */
  channels: 1 | 3;
  /** 1: bilevel rows packed eight pixels a byte, each row whole bytes, 1 white; 8: a byte a sample, on white. */
  bits: 1 | 8;
  data: Uint8Array;
}

/** A Group 4 fax page's coded data, which PDF's CCITTFaxDecode reads as TIFF holds it. */
export interface TiffFax {
  kind: 'fax';
  width: number;
  height: number;
  /**
   * The page is stored inverted (PhotometricInterpretation 1): what the code calls white prints black. PDF's
   * BlackIs1 then makes the decoded runs' bits come out the other way round in DeviceGray.
   */
  blackIs1: boolean;
  data: Uint8Array;
}

/** A page whose data is cut short (`cut`) or cannot be what its directory says. */
export class TiffPageDamaged extends Error {
  constructor(readonly cut: boolean) {
    super(cut ? 'TIFF page data cut short' : 'TIFF page data damaged');
  }
}

const T = {
  width: 256,
  height: 257,
  bits: 258,
  compression: 259,
  photometric: 262,
  fillOrder: 266,
  stripOffsets: 273,
  orientation: 274,
  samples: 277,
  rowsPerStrip: 278,
  stripBytes: 279,
  planar: 284,
  predictor: 317,
  colorMap: 320,
  tileWidth: 322,
  extraSamples: 338,
  sampleFormat: 339,
} as const;

const enum Compression {
  None = 1,
  Fax4 = 4,
  Lzw = 5,
  Deflate = 8,
  OldDeflate = 32946,
  PackBits = 32773,
}

type Fields = Map<number, number[]>;

/**
 * Larger pages are left to sharp, which refuses what passes its own limit (the same number): a hostile directory's
 * size would otherwise be allocated here before a byte is decoded.
 */
const MAX_PIXELS = 0x3fff * 0x3fff;

/** The page at directory `ifd` of `file`, decoded, as fax data, or undefined when sharp must read it. */
export function readTiffPage(file: string, ifd: number): TiffRaster | TiffFax | undefined {
  const tiff = TiffFile.open(file);
  if (!tiff) return undefined;
  try {
    return readPage(tiff, tiff.numberFields(ifd));
  } catch (error) {
    if (error instanceof TiffPageDamaged) throw error;
    if (error instanceof TiffDataDamaged) throw new TiffPageDamaged(false);
    return undefined; // a directory this reader cannot follow: sharp's turn
  } finally {
    tiff.close();
  }
}

function readPage(tiff: TiffFile, f: Fields): TiffRaster | TiffFax | undefined {
  const one = (tag: number, fallback: number) => f.get(tag)?.[0] ?? fallback;
  const width = one(T.width, 0);
  const height = one(T.height, 0);
  const offsets = f.get(T.stripOffsets);
  const counts = f.get(T.stripBytes);
  const bits = f.get(T.bits) ?? [1];
  const samples = one(T.samples, 1);
  const plain =
    width > 0 &&
    height > 0 &&
    width * height <= MAX_PIXELS &&
    offsets &&
    counts?.length === offsets.length &&
    !f.has(T.tileWidth) &&
    one(T.orientation, 1) === 1 &&
    (f.get(T.sampleFormat) ?? [1]).every((v) => v === 1) &&
    bits.every((b) => b === bits[0]) &&
    (samples === 1 || one(T.planar, 1) === 1);
  if (!plain) return undefined;
  const photometric = one(T.photometric, -1);
  const compression = one(T.compression, Compression.None);
  if (compression === Compression.Fax4)
    return faxPage(tiff, f, { width, height, photometric, offsets, counts: counts! });
  const layout = pixelLayout(f, photometric, bits[0]!, samples);
  if (!layout || one(T.fillOrder, 1) !== 1) return undefined;
  const rowBytes = Math.ceil((width * samples * layout.bits) / 8);
  const decode = decoder(compression);
  if (!decode) return undefined;
  const stored = readStrips(
    tiff,
    { height, rowBytes, rowsPerStrip: one(T.rowsPerStrip, height), offsets, decode },
    counts!,
  );
  const predictor = one(T.predictor, 1);
  if (predictor === 2)
    undoPredictor(stored, { width, height, rowBytes, samples, bits: layout.bits, little: tiff.little });
  else if (predictor !== 1) return undefined;
  return toRaster(stored, { width, height, rowBytes, samples, little: tiff.little, ...layout });
}

interface PixelLayout {
  bits: number;
  photometric: number;
  /** Grey or palette 1, RGB 3. */
  colours: number;
  /** The sample that is alpha, -1 for none; premultiplied or not. */
  alpha: number;
  premultiplied: boolean;
  colorMap?: number[];
}

/** How the samples of a pixel read, or undefined for a kind left to sharp (CMYK, YCbCr, Lab, 32-bit…). */
function pixelLayout(f: Fields, photometric: number, bits: number, samples: number): PixelLayout | undefined {
  if (![1, 2, 4, 8, 16].includes(bits)) return undefined;
  const colours = photometric === 2 ? 3 : 1;
  if (photometric < 0 || photometric > 3 || samples < colours) return undefined;
  if ((photometric === 2 && bits < 8) || (photometric === 3 && bits > 8)) return undefined;
  const colorMap = f.get(T.colorMap);
  if (photometric === 3 && colorMap?.length !== 3 << bits) return undefined;
  const extra = f.get(T.extraSamples)?.[0] ?? 0;
  const alpha = samples > colours && (extra === 1 || extra === 2) ? colours : -1;
  return { bits, photometric, colours, alpha, premultiplied: extra === 1, ...(colorMap ? { colorMap } : {}) };
}

type Decode = (src: Uint8Array, expected: number) => Uint8Array;

function decoder(compression: number): Decode | undefined {
  if (compression === Compression.None) return (src, expected) => src.subarray(0, expected);
  if (compression === Compression.Lzw)
    return (src, expected) => {
      // The LZW of TIFF before 6.0 (least significant bit first) starts 0x00 0x01: libtiff reads it, this does not.
      if (src[0] === 0 && (src[1]! & 1) === 1) throw new Error('old-style LZW');
      return lzwDecode(src, expected);
    };
  if (compression === Compression.Deflate || compression === Compression.OldDeflate) return deflateDecode;
  if (compression === Compression.PackBits) return packBitsDecode;
  return undefined;
}

interface Strips {
  height: number;
  rowBytes: number;
  rowsPerStrip: number;
  offsets: number[];
  decode: Decode;
}

/** The page's rows as stored (before the predictor is undone), every strip decoded whole or the page refused. */
function readStrips(tiff: TiffFile, s: Strips, counts: number[]): Uint8Array {
  const rowsPerStrip = Math.min(s.rowsPerStrip || s.height, s.height);
  const strips = Math.ceil(s.height / rowsPerStrip);
  if (s.offsets.length < strips) throw new TiffPageDamaged(false);
  const out = new Uint8Array(s.rowBytes * s.height);
  for (let i = 0; i < strips; i += 1) {
    const expected = Math.min(rowsPerStrip, s.height - i * rowsPerStrip) * s.rowBytes;
    const [at, length] = [s.offsets[i]!, counts[i]!];
    if (at + length > tiff.size) throw new TiffPageDamaged(true);
    const rows = s.decode(tiff.bytes(at, length), expected);
    if (rows.length < expected) throw new TiffPageDamaged(true);
    out.set(rows, i * rowsPerStrip * s.rowBytes);
  }
  return out;
}

interface Rows {
  width: number;
  height: number;
  rowBytes: number;
  samples: number;
  bits: number;
  little: boolean;
}

/** Horizontal differencing undone, sample by sample along each row (8 or 16 bits, in the file's byte order). */
function undoPredictor(data: Uint8Array, r: Rows): void {
  if (r.bits !== 8 && r.bits !== 16) throw new Error('predictor on packed samples');
  for (let y = 0; y < r.height; y += 1) {
    const row = y * r.rowBytes;
    if (r.bits === 8) {
      for (let i = r.samples; i < r.width * r.samples; i += 1)
        data[row + i] = data[row + i]! + data[row + i - r.samples]!;
      continue;
    }
    const hi = r.little ? 1 : 0;
    const lo = 1 - hi;
    for (let i = r.samples; i < r.width * r.samples; i += 1) {
      const a = row + 2 * i;
      const b = a - 2 * r.samples;
      const v = ((data[a + hi]! << 8) | data[a + lo]!) + ((data[b + hi]! << 8) | data[b + lo]!);
      data[a + hi] = (v >> 8) & 0xff;
      data[a + lo] = v & 0xff;
    }
  }
}

/** The stored rows as a raster: bilevel kept packed (white 1), anything else 8-bit grey or RGB on white. */
function toRaster(data: Uint8Array, r: Rows & PixelLayout): TiffRaster {
  const base = { kind: 'raster' as const, width: r.width, height: r.height };
  if (r.bits === 1 && r.samples === 1 && r.photometric !== 3) {
    if (r.photometric === 0) for (let i = 0; i < data.length; i += 1) data[i] = ~data[i]!;
    return { ...base, channels: 1, bits: 1, data };
  }
  const channels = r.colours === 3 || r.photometric === 3 ? 3 : 1;
  if (r.bits === 8 && r.samples === channels && r.photometric !== 3) {
    // Grey or RGB bytes already: as they are (rows of whole pixels have no padding), grey 0 white turned round.
    if (r.photometric === 0) for (let i = 0; i < data.length; i += 1) data[i] = 255 - data[i]!;
    return { ...base, channels, bits: 8, data };
  }
  if (r.bits >= 8 && r.photometric !== 3) return { ...base, channels, bits: 8, data: wholeSamples(data, r, channels) };
  const out = new Uint8Array(r.width * r.height * channels);
  const sample = sampleReader(data, r);
  const max = (1 << Math.min(r.bits, 8)) - 1;
  const palette = r.photometric === 3 ? r.colorMap! : undefined;
  const plane = 1 << r.bits;
  for (let y = 0, o = 0; y < r.height; y += 1)
    for (let x = 0; x < r.width; x += 1) {
      const pixel = y * r.rowBytes * 8 + x * r.samples * r.bits;
      const alpha = r.alpha < 0 ? 255 : Math.round((sample(pixel + r.alpha * r.bits) * 255) / max);
      for (let c = 0; c < channels; c += 1, o += 1) {
        let v = palette ? palette[c * plane + sample(pixel)]! >> 8 : sample(pixel + c * r.bits);
        if (!palette && max !== 255) v = Math.round((v * 255) / max);
        if (r.photometric === 0) v = 255 - v;
        out[o] = alpha === 255 ? v : onWhite(v, alpha, r.premultiplied);
      }
    }
  return { ...base, channels: channels as 1 | 3, bits: 8, data: out };
}

/** A sample of a pixel `alpha` opaque laid on white. */
function onWhite(v: number, alpha: number, premultiplied: boolean): number {
  return premultiplied ? Math.min(255, v + 255 - alpha) : Math.round((v * alpha + 255 * (255 - alpha)) / 255);
}

/** Grey or RGB samples of 8 or 16 bits (the high byte kept), with or without alpha, as 8-bit samples on white. */
function wholeSamples(data: Uint8Array, r: Rows & PixelLayout, channels: number): Uint8Array {
  const step = r.bits >> 3;
  const high = r.bits === 16 && r.little ? 1 : 0;
  const invert = r.photometric === 0 ? 255 : 0;
  const out = new Uint8Array(r.width * r.height * channels);
  for (let y = 0, o = 0; y < r.height; y += 1)
    for (let x = 0, at = y * r.rowBytes + high; x < r.width; x += 1, at += r.samples * step) {
      const alpha = r.alpha < 0 ? 255 : data[at + r.alpha * step]!;
      for (let c = 0; c < channels; c += 1, o += 1) {
        const v = Math.abs(invert - data[at + c * step]!);
        out[o] = alpha === 255 ? v : onWhite(v, alpha, r.premultiplied);
      }
    }
  return out;
}

/** Reads the sample starting at bit `at` of the stored rows (8 bits or fewer: packed, or palette indices). */
function sampleReader(data: Uint8Array, r: { bits: number }): (at: number) => number {
  if (r.bits === 8) return (at) => data[at >> 3]!;
  return (at) => (data[at >> 3]! >> (8 - r.bits - (at & 7))) & ((1 << r.bits) - 1);
}

function faxPage(
  tiff: TiffFile,
  f: Fields,
  p: { width: number; height: number; photometric: number; offsets: number[]; counts: number[] },
): TiffFax | undefined {
  // One strip only: each strip is coded on its own, and PDF's filter would read the next as going on from the last.
  const bilevel = (f.get(T.bits)?.[0] ?? 1) === 1 && (f.get(T.samples)?.[0] ?? 1) === 1;
  const fillOrder = f.get(T.fillOrder)?.[0] ?? 1;
  if (!bilevel || p.offsets.length !== 1 || fillOrder !== 1 || (p.photometric !== 0 && p.photometric !== 1))
    return undefined;
  const [at, length] = [p.offsets[0]!, p.counts[0]!];
  if (at + length > tiff.size) throw new TiffPageDamaged(true);
  return { kind: 'fax', width: p.width, height: p.height, blackIs1: p.photometric === 1, data: tiff.bytes(at, length) };
}
