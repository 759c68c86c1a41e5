/**
 * Decoding a page content stream the way a reader does, to learn whether it decodes at all. Only the filters
 * content streams are written with are tried (Flate, LZW); anything else is left for the reader to judge.
 */
import zlib from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFContext, type PDFRawStream } from './pdf-lib.ts';

/** The stream's data, decoded; `undecodable` when a reader gets little or none of it; `unjudged` when not tried. */
export type Decoded = Uint8Array | 'undecodable' | 'unjudged';

/** PDF 32000 §7.4: every standard filter, by full and abbreviated name. */
const STANDARD_FILTERS = new Set(
  'ASCIIHexDecode AHx ASCII85Decode A85 LZWDecode LZW FlateDecode Fl RunLengthDecode RL CCITTFaxDecode CCF JBIG2Decode DCTDecode DCT JPXDecode Crypt'.split(
    ' ',
  ),
);

function asList(ctx: PDFContext, value: unknown): unknown[] {
  const v = ctx.lookup(value as never);
  return v instanceof PDFArray ? v.asArray().map((x) => ctx.lookup(x)) : v === undefined ? [] : [v];
}

function parm(ctx: PDFContext, parms: PDFDict, key: string, fallback: number): number {
  const v = ctx.lookup(parms.get(PDFName.of(key)));
  return v instanceof PDFNumber ? v.asNumber() : fallback;
}

/**
 * `none` without a predictor; `invalid` for parameters no reader can use (poppler: more than 32 colour
 * components, over 16 bits, no columns), whose data it shows as nothing.
 */
function predictor(ctx: PDFContext, parms: unknown): 'none' | 'valid' | 'invalid' {
  if (!(parms instanceof PDFDict) || parm(ctx, parms, 'Predictor', 1) <= 1) return 'none';
  const colors = parm(ctx, parms, 'Colors', 1);
  const bits = parm(ctx, parms, 'BitsPerComponent', 8);
  const columns = parm(ctx, parms, 'Columns', 1);
  const sane = colors >= 1 && colors <= 32 && [1, 2, 4, 8, 16].includes(bits) && columns >= 1 && columns < 2 ** 24;
  return sane ? 'valid' : 'invalid';
}

function earlyChange(ctx: PDFContext, parms: unknown): boolean {
  const e = parms instanceof PDFDict ? ctx.lookup(parms.get(PDFName.of('EarlyChange'))) : undefined;
  return !(e instanceof PDFNumber && e.asNumber() === 0);
}

/** Decodes `stream` through its filters. */
export function decodeStream(ctx: PDFContext, stream: PDFRawStream): Decoded {
  const filters = asList(ctx, stream.dict.get(PDFName.of('Filter')));
  const parms = asList(ctx, stream.dict.get(PDFName.of('DecodeParms')));
  let data: Uint8Array = stream.contents;
  for (const [i, filter] of filters.entries()) {
    if (!(filter instanceof PDFName)) return 'undecodable';
    const name = filter.decodeText();
    if (!STANDARD_FILTERS.has(name)) return 'undecodable';
    const predicted = predictor(ctx, parms[i]);
    if (predicted === 'invalid') return 'undecodable';
    if (predicted === 'valid') return 'unjudged';
    if (name === 'FlateDecode' || name === 'Fl') {
      try {
        // A stream cut short (no checksum) reads as far as it goes, as readers show it; bad data throws.
        data = zlib.inflateSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
      } catch {
        return 'undecodable';
      }
    } else if (name === 'LZWDecode' || name === 'LZW') {
      const out = lzwDecode(data, earlyChange(ctx, parms[i]));
      if (!out) return 'undecodable';
      data = out;
    } else return 'unjudged';
  }
  return data;
}

/** PDF 32000 §7.4.4 LZW (9–12-bit codes, clear 256, end 257); undefined on a code no table holds. */
export function lzwDecode(input: Uint8Array, early: boolean): Uint8Array | undefined {
  const out: number[] = [];
  const table: number[][] = [];
  const reset = () => {
    table.length = 0;
    for (let i = 0; i < 256; i++) table.push([i]);
    table.push([], []);
  };
  reset();
  let bits = 9;
  let buffer = 0;
  let held = 0;
  let previous: number[] | undefined;
  for (const byte of input) {
    buffer = ((buffer << 8) | byte) >>> 0;
    held += 8;
    while (held >= bits) {
      const code = (buffer >>> (held - bits)) & ((1 << bits) - 1);
      held -= bits;
      if (code === 257) return Uint8Array.from(out);
      if (code === 256) {
        reset();
        bits = 9;
        previous = undefined;
        continue;
      }
      let entry: number[];
      if (code < table.length) entry = table[code]!;
      else if (code === table.length && previous) entry = [...previous, previous[0]!];
      else return undefined;
      for (const b of entry) out.push(b);
      if (previous && table.length < 4096) table.push([...previous, entry[0]!]);
      previous = entry;
      const next = table.length + (early ? 1 : 0);
      bits = next >= 2048 ? 12 : next >= 1024 ? 11 : next >= 512 ? 10 : 9;
    }
  }
  return Uint8Array.from(out);
}

/** The names of `stream`'s filters, in order (a filter that is not a name reads as an empty one). */
export function filterNames(ctx: PDFContext, stream: PDFRawStream): string[] {
  return asList(ctx, stream.dict.get(PDFName.of('Filter'))).map((f) => (f instanceof PDFName ? f.decodeText() : ''));
}

const MAX_CHUNK = 4 * 1024 * 1024;

/**
 * Flate data inflated as a reader reads it: as far as it goes when cut short; undefined when bytes in it do not
 * inflate, or it inflates to data other than was written (its checksum differs: a damaged font or picture).
 * `expected`: the length it should inflate to, when known.
 */
export function inflateAsReader(data: Uint8Array, expected = 0): Uint8Array | undefined {
  // Output in a few large pieces rather than thousands of 16 KiB ones: a 300 dpi scan inflates ~2 × quicker.
  const chunkSize = Math.min(Math.max(expected, zlib.constants.Z_DEFAULT_CHUNK), MAX_CHUNK);
  try {
    return zlib.inflateSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize });
  } catch {
    return undefined;
  }
}
