/**
 * The lossless compressions of TIFF strips, undone in this process: a multi-page TIFF's pages are mostly small, and
 * handing each to sharp costs ~3 ms of set-up for well under 0.1 ms of decoding. Each decoder fills at most
 * `expected` bytes and returns what it filled: a strip whose data ends early comes back short, and the caller
 * refuses the file as cut short. Data that cannot be what it claims throws `TiffDataDamaged`.
 */
import { constants, inflateSync } from 'node:zlib';

export class TiffDataDamaged extends Error {}

const CLEAR = 256;
const END = 257;
const MAX_CODES = 4096;

/** The code table, kept between strips (a page's strips are decoded one at a time): codes 0–255 never change. */
const prefix = new Uint16Array(MAX_CODES);
const suffix = new Uint8Array(MAX_CODES).map((_, i) => i);
const first = new Uint8Array(MAX_CODES).map((_, i) => i);
const length = new Uint16Array(MAX_CODES).map((_, i) => (i < 256 ? 1 : 0));

/** TIFF's LZW (codes of 9 to 12 bits, most significant bit first, widened one code early as TIFF 6 writes it). */
export function lzwDecode(src: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let [width, next, prev, bits, held, at, o] = [9, 258, -1, 0, 0, 0, 0];
  while (o < expected) {
    while (held < width) {
      if (at >= src.length) return out.subarray(0, o);
      bits = ((bits << 8) | src[at++]!) & 0xffffff;
      held += 8;
    }
    const code = (bits >>> (held - width)) & ((1 << width) - 1);
    held -= width;
    if (code === CLEAR) {
      [width, next, prev] = [9, 258, -1];
      continue;
    }
    if (code === END) break;
    if (prev >= 0 && next < MAX_CODES) {
      if (code > next) throw new TiffDataDamaged('LZW code out of the table');
      prefix[next] = prev;
      suffix[next] = code === next ? first[prev]! : first[code]!;
      first[next] = first[prev]!;
      length[next] = length[prev]! + 1;
      next += 1;
      if (next >= (1 << width) - 1 && width < 12) width += 1;
    } else if (code >= next) throw new TiffDataDamaged('LZW code out of the table');
    const n = length[code]!;
    for (let k = n - 1, c = code; k >= 0; k -= 1, c = prefix[c]!) if (o + k < expected) out[o + k] = suffix[c]!;
    o += n;
    prev = code;
  }
  return out.subarray(0, Math.min(o, expected));
}

/** Apple's PackBits run-length coding. */
export function packBitsDecode(src: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let [at, o] = [0, 0];
  while (o < expected && at < src.length) {
    const n = (src[at++]! << 24) >> 24;
    if (n >= 0) {
      const end = Math.min(at + n + 1, src.length);
      out.set(src.subarray(at, Math.min(end, at + expected - o)), o);
      o += end - at;
      at = end;
    } else if (n !== -128) {
      if (at >= src.length) break;
      out.fill(src[at++]!, o, Math.min(expected, o + 1 - n));
      o += 1 - n;
    }
  }
  return out.subarray(0, Math.min(o, expected));
}

/**
 * zlib data (Adobe Deflate, the old Deflate code); whatever came out before an early end. Never more than
 * `expected` bytes are inflated here (a strip of a few kilobytes may inflate to gigabytes): a strip holding more
 * than its rows is left to sharp (a plain Error; TiffDataDamaged refuses the file).
 */
export function deflateDecode(src: Uint8Array, expected: number): Uint8Array {
  try {
    return inflateSync(src, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, expected) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new Error('strip longer than its rows');
    throw new TiffDataDamaged('not zlib data');
  }
}
