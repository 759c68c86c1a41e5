/**
 * CCITT Group 4 (T.6) decoding, for the ink of a fax page under the seal marks and for the inspection: the page
 * itself goes into the PDF as it is coded. Each row is read as the changes from the row above (pass, horizontal and
 * vertical modes), runs in the modified Huffman codes of T.4.
 */
import { TiffDataDamaged } from './tiff-codecs.ts';

/** Codes as bit strings, by run length: terminating codes 0–63 in order, then make-up codes from 64 by 64. */
const WHITE =
  '00110101 000111 0111 1000 1011 1100 1110 1111 10011 10100 00111 01000 001000 000011 110100 110101 101010 101011 ' +
  '0100111 0001100 0001000 0010111 0000011 0000100 0101000 0101011 0010011 0100100 0011000 00000010 00000011 ' +
  '00011010 00011011 00010010 00010011 00010100 00010101 00010110 00010111 00101000 00101001 00101010 00101011 ' +
  '00101100 00101101 00000100 00000101 00001010 00001011 01010010 01010011 01010100 01010101 00100100 00100101 ' +
  '01011000 01011001 01011010 01011011 01001010 01001011 00110010 00110011 00110100 ' +
  '11011 10010 010111 0110111 00110110 00110111 01100100 01100101 01101000 01100111 011001100 011001101 011010010 ' +
  '011010011 011010100 011010101 011010110 011010111 011011000 011011001 011011010 011011011 010011000 010011001 ' +
  '010011010 011000 010011011';
const BLACK =
  '0000110111 010 11 10 011 0011 0010 00011 000101 000100 0000100 0000101 0000111 00000100 00000111 000011000 ' +
  '0000010111 0000011000 0000001000 00001100111 00001101000 00001101100 00000110111 00000101000 00000010111 ' +
  '00000011000 000011001010 000011001011 000011001100 000011001101 000001101000 000001101001 000001101010 ' +
  '000001101011 000011010010 000011010011 000011010100 000011010101 000011010110 000011010111 000001101100 ' +
  '000001101101 000011011010 000011011011 000001010100 000001010101 000001010110 000001010111 000001100100 ' +
  '000001100101 000001010010 000001010011 000000100100 000000110111 000000111000 000000100111 000000101000 ' +
  '000001011000 000001011001 000000101011 000000101100 000001011010 000001100110 000001100111 ' +
  '0000001111 000011001000 000011001001 000001011011 000000110011 000000110100 000000110101 0000001101100 ' +
  '0000001101101 0000001001010 0000001001011 0000001001100 0000001001101 0000001110010 0000001110011 ' +
  '0000001110100 0000001110101 0000001110110 0000001110111 0000001010010 0000001010011 0000001010100 ' +
  '0000001010101 0000001011010 0000001011011 0000001100100 0000001100101';
/** Make-up codes of 1792 to 2560, the same for both colours. */
const EXTENDED =
  '00000001000 00000001100 00000001101 000000010010 000000010011 000000010100 000000010101 000000010110 ' +
  '000000010111 000000011100 000000011101 000000011110 000000011111';

/** A code table: `length << 16 | code` → run length. */
function table(codes: string): Map<number, number> {
  const map = new Map<number, number>();
  const add = (bits: string, run: number) => map.set((bits.length << 16) | parseInt(bits, 2), run);
  codes.split(' ').forEach((bits, i) => add(bits, i < 64 ? i : (i - 63) * 64));
  EXTENDED.split(' ').forEach((bits, i) => add(bits, 1792 + i * 64));
  return map;
}

const RUNS = [table(WHITE), table(BLACK)] as const;

/** 2-D mode codes: pass, horizontal, and vertical with the offset from b1. */
const MODES = new Map<number, 'pass' | 'horizontal' | number>(
  (
    [
      ['0001', 'pass'],
      ['001', 'horizontal'],
      ['1', 0],
      ['011', 1],
      ['000011', 2],
      ['0000011', 3],
      ['010', -1],
      ['000010', -2],
      ['0000010', -3],
    ] as const
  ).map(([bits, mode]) => [(bits.length << 16) | parseInt(bits, 2), mode]),
);

class Bits {
  private at = 0;
  constructor(private readonly data: Uint8Array) {}

  /** The next code of `codes`, read bit by bit (codes are at most 13 bits). */
  code<T>(codes: Map<number, T>): T {
    let value = 0;
    for (let length = 1; length <= 13; length += 1) {
      const byte = this.data[this.at >> 3];
      if (byte === undefined) throw new TiffDataDamaged('fax data ends inside a row');
      value = (value << 1) | ((byte >> (7 - (this.at & 7))) & 1);
      this.at += 1;
      const found = codes.get((length << 16) | value);
      if (found !== undefined) return found;
    }
    throw new TiffDataDamaged('not a fax code');
  }

  /** A run of one colour: make-up codes, then the terminating code. */
  run(colour: 0 | 1): number {
    let total = 0;
    for (;;) {
      const run = this.code(RUNS[colour]);
      total += run;
      if (run < 64) return total;
    }
  }
}

/**
 * A Group 4 page as bilevel rows packed eight pixels a byte, 1 white (`TiffRaster`'s bilevel form); `inverted`
 * for a page stored with its colours the other way round (PhotometricInterpretation 1).
 */
export function decodeGroup4(data: Uint8Array, width: number, height: number, inverted: boolean): Uint8Array {
  const rowBytes = Math.ceil(width / 8);
  const out = new Uint8Array(rowBytes * height).fill(0xff);
  const bits = new Bits(data);
  // Changing elements: positions where the colour changes, the first to black; the row above the first is white.
  let above = [width, width];
  for (let y = 0; y < height; y += 1) {
    const changes: number[] = [];
    let [a0, colour] = [-1, 0 as 0 | 1];
    let k = 0;
    while (a0 < width) {
      // b1: the first change above, right of a0, to the colour opposite a0's; b2 the one after it.
      while (k > 0 && above[k - 1]! > a0) k -= 1;
      while (above[k]! <= a0 || k % 2 !== colour) k += 1;
      const [b1, b2] = [above[k] ?? width, above[k + 1] ?? width];
      const mode = bits.code(MODES);
      if (mode === 'pass') a0 = b2;
      else if (mode === 'horizontal') {
        const start = Math.max(a0, 0);
        const a1 = Math.min(width, start + bits.run(colour));
        const a2 = Math.min(width, a1 + bits.run((1 - colour) as 0 | 1));
        changes.push(a1, a2);
        a0 = a2;
      } else {
        const a1 = b1 + mode;
        if (a1 < 0 || a1 > width) throw new TiffDataDamaged('fax change off the row');
        changes.push(a1);
        a0 = a1;
        colour = (1 - colour) as 0 | 1;
      }
    }
    paintBlack(out, y * rowBytes, changes);
    above = [...changes, width, width];
    if (above.length % 2) above.push(width);
  }
  if (inverted) for (let i = 0; i < out.length; i += 1) out[i] = ~out[i]!;
  return out;
}

/** Clears the bits of the black runs of one row (each from the first, third, … change to the next). */
function paintBlack(out: Uint8Array, row: number, changes: number[]): void {
  for (let i = 0; i < changes.length; i += 2) {
    const [from, to] = [changes[i]!, changes[i + 1] ?? changes[i]!];
    for (let x = from; x < to; x += 1) out[row + (x >> 3)] = out[row + (x >> 3)]! & ~(0x80 >> (x & 7));
  }
}
