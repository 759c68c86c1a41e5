/**
 * Multi-page TIFFs in time linear in their pages. libvips counts every directory of a TIFF each time it opens it
 * (for its n-pages field), so asking sharp for page after page costs time quadratic in the pages (2,000 small
 * pages: ~0.3 s a page, over ten minutes). Instead the directory chain is read once here, and each page is handed
 * to sharp as a TIFF of its own: that page's directory, its out-of-line values and its strips or tiles, copied
 * from the file with their offsets rewritten.
 */
import fs from 'node:fs';

export interface TiffPage {
  /** Where the page's directory (IFD) starts in the file. */
  ifd: number;
  width: number;
  height: number;
  /** EXIF-style orientation (tag 274), 1 when absent. */
  orientation: number;
  samplesPerPixel: number;
  bitsPerSample: number;
}

const TAG = { width: 256, height: 257, bits: 258, orientation: 274, samples: 277 } as const;
const WANTED = new Set<number>(Object.values(TAG));
/** Image data blocks (strips, tiles) and their byte counts. */
const DATA_BLOCKS = new Map([
  [273, 279],
  [324, 325],
]);
/** Pointers to other directories (sub-images, EXIF, GPS, interoperability): left out of a page on its own. */
const DIRECTORY_POINTERS = new Set([330, 34665, 34853, 40965]);
const TYPE_SIZE: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
  16: 8,
  17: 8,
  18: 8,
};
/** BYTE, SHORT, LONG, LONG8: the types of the fields that describe a page's pixels and where they are. */
const UNSIGNED_TYPES = new Set([1, 3, 4, 16]);
/** More directories than this is a loop in a damaged file, not a document. */
const MAX_PAGES = 100_000;

/** Random access to a TIFF file, in its byte order and flavour (classic or BigTIFF). */
export class TiffFile {
  private constructor(
    private readonly fd: number,
    readonly little: boolean,
    readonly big: boolean,
    readonly size: number,
  ) {}

  static open(file: string): TiffFile | undefined {
    const fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(4);
    fs.readSync(fd, head, 0, 4, 0);
    const order = head.toString('latin1', 0, 2);
    const magic = order === 'II' ? head.readUInt16LE(2) : head.readUInt16BE(2);
    if ((order !== 'II' && order !== 'MM') || (magic !== 42 && magic !== 43)) {
      fs.closeSync(fd);
      return undefined;
    }
    return new TiffFile(fd, order === 'II', magic === 43, fs.fstatSync(fd).size);
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  bytes(at: number, length: number): Buffer {
    if (at < 0 || at + length > this.size) throw new Error('TIFF data past the end of the file');
    const buf = Buffer.alloc(length);
    fs.readSync(this.fd, buf, 0, length, at);
    return buf;
  }

  /** An unsigned value of 2, 4 or 8 bytes from `buf`. */
  uint(buf: Buffer, at: number, size: number): number {
    if (size === 1) return buf[at]!;
    if (size === 2) return this.little ? buf.readUInt16LE(at) : buf.readUInt16BE(at);
    if (size === 4) return this.little ? buf.readUInt32LE(at) : buf.readUInt32BE(at);
    return Number(this.little ? buf.readBigUInt64LE(at) : buf.readBigUInt64BE(at));
  }

  get offsetSize(): number {
    return this.big ? 8 : 4;
  }

  get entrySize(): number {
    return this.big ? 20 : 12;
  }

  get countSize(): number {
    return this.big ? 8 : 2;
  }

  firstDirectory(): number {
    return this.uint(this.bytes(this.big ? 8 : 4, this.offsetSize), 0, this.offsetSize);
  }

  /** A directory's entries (raw, `entrySize` bytes each) and the offset of the next directory. */
  directory(at: number): { entries: Buffer[]; next: number } {
    const count = this.uint(this.bytes(at, this.countSize), 0, this.countSize);
    const body = this.bytes(at + this.countSize, count * this.entrySize + this.offsetSize);
    const entries = Array.from({ length: count }, (_, i) =>
      body.subarray(i * this.entrySize, (i + 1) * this.entrySize),
    );
    return { entries, next: this.uint(body, count * this.entrySize, this.offsetSize) };
  }

  entry(raw: Buffer): { tag: number; type: number; count: number; value: Buffer } {
    const tag = this.uint(raw, 0, 2);
    const type = this.uint(raw, 2, 2);
    const count = this.uint(raw, 4, this.big ? 8 : 4);
    const length = (TYPE_SIZE[type] ?? 1) * count;
    const field = raw.subarray(this.big ? 12 : 8);
    const value =
      length <= this.offsetSize ? field.subarray(0, length) : this.bytes(this.uint(field, 0, this.offsetSize), length);
    return { tag, type, count, value };
  }

  /** The first number of a SHORT or LONG entry, read without following its pointer when it has several. */
  firstNumber(raw: Buffer): number {
    const type = this.uint(raw, 2, 2);
    const count = this.uint(raw, 4, this.big ? 8 : 4);
    const size = TYPE_SIZE[type] ?? 4;
    const at = this.big ? 12 : 8;
    if (size * count <= this.offsetSize) return this.uint(raw, at, size);
    return this.uint(this.bytes(this.uint(raw, at, this.offsetSize), size), 0, size);
  }

  /** The numbers of a SHORT, LONG or LONG8 entry. */
  numbers(e: { type: number; count: number; value: Buffer }): number[] {
    const size = TYPE_SIZE[e.type] ?? 4;
    return Array.from({ length: e.count }, (_, i) => this.uint(e.value, i * size, size));
  }

  /** The unsigned whole-number fields (BYTE, SHORT, LONG, LONG8) of the directory at `ifd`, by tag. */
  numberFields(ifd: number): Map<number, number[]> {
    const fields = new Map<number, number[]>();
    for (const raw of this.directory(ifd).entries) {
      const type = this.uint(raw, 2, 2);
      if (UNSIGNED_TYPES.has(type)) {
        const e = this.entry(raw);
        fields.set(e.tag, this.numbers(e));
      }
    }
    return fields;
  }
}

/**
 * Every page (directory) of a TIFF in order, or undefined when the file is not a TIFF. `cut` when the chain of
 * directories leads past the end of the file: a file cut short, whose last pages are gone.
 */
export function tiffPages(file: string): { pages: TiffPage[]; cut: boolean } | undefined {
  const tiff = TiffFile.open(file);
  if (!tiff) return undefined;
  const pages: TiffPage[] = [];
  const seen = new Set<number>();
  let cut = false;
  try {
    for (let ifd = tiff.firstDirectory(); ifd !== 0 && !seen.has(ifd) && pages.length < MAX_PAGES;) {
      seen.add(ifd);
      const { entries, next } = tiff.directory(ifd);
      const first = new Map<number, number>();
      for (const raw of entries) {
        const tag = tiff.uint(raw, 0, 2);
        if (WANTED.has(tag)) first.set(tag, tiff.firstNumber(raw));
      }
      const get = (tag: number, fallback: number) => first.get(tag) ?? fallback;
      pages.push({
        ifd,
        width: get(TAG.width, 0),
        height: get(TAG.height, 0),
        orientation: get(TAG.orientation, 1),
        samplesPerPixel: get(TAG.samples, 1),
        bitsPerSample: get(TAG.bits, 1),
      });
      ifd = next;
    }
  } catch {
    cut = true;
  } finally {
    tiff.close();
  }
  return { pages, cut };
}

/** Appends blocks to a growing file image, each at an even offset (TIFF word alignment). */
class Layout {
  readonly parts: { at: number; data: Buffer }[] = [];
  constructor(public end: number) {}

  place(data: Buffer): number {
    this.end += this.end % 2;
    const at = this.end;
    this.parts.push({ at, data });
    this.end += data.length;
    return at;
  }
}

/** The TIFF page whose directory is at `ifd`, as a one-page TIFF file of its own (same byte order and flavour). */
export function singlePageTiff(file: string, ifd: number): Buffer {
  const tiff = TiffFile.open(file);
  if (!tiff) throw new Error('not a TIFF');
  try {
    const entries = tiff
      .directory(ifd)
      .entries.map((raw) => tiff.entry(raw))
      .filter((e) => !DIRECTORY_POINTERS.has(e.tag));
    const header = tiff.big ? 16 : 8;
    const dirSize = tiff.countSize + entries.length * tiff.entrySize + tiff.offsetSize;
    const layout = new Layout(header + dirSize);
    const countsOf = (tag: number) => entries.find((e) => e.tag === DATA_BLOCKS.get(tag));
    const fields = entries.map((e) => {
      const counts = countsOf(e.tag);
      if (!DATA_BLOCKS.has(e.tag) || !counts)
        return { ...e, value: e.value.length > tiff.offsetSize ? pointer(tiff, layout.place(e.value)) : e.value };
      const sizes = tiff.numbers(counts);
      const moved = tiff.numbers(e).map((at, i) => layout.place(tiff.bytes(at, sizes[i] ?? 0)));
      const array = Buffer.concat(moved.map((at) => encodeUint(tiff, at, tiff.offsetSize)));
      const type = tiff.big ? 16 : 4;
      return {
        tag: e.tag,
        type,
        count: moved.length,
        value: array.length > tiff.offsetSize ? pointer(tiff, layout.place(array)) : array,
      };
    });
    const out = Buffer.alloc(layout.end);
    writeHeader(tiff, out);
    let at = header;
    out.set(encodeUint(tiff, fields.length, tiff.countSize), at);
    at += tiff.countSize;
    for (const f of fields) {
      out.set(encodeUint(tiff, f.tag, 2), at);
      out.set(encodeUint(tiff, f.type, 2), at + 2);
      out.set(encodeUint(tiff, f.count, tiff.big ? 8 : 4), at + 4);
      out.set(f.value, at + (tiff.big ? 12 : 8));
      at += tiff.entrySize;
    }
    for (const part of layout.parts) out.set(part.data, part.at);
    return out;
  } finally {
    tiff.close();
  }
}

function pointer(tiff: TiffFile, at: number): Buffer {
  return encodeUint(tiff, at, tiff.offsetSize);
}

function encodeUint(tiff: TiffFile, n: number, size: number): Buffer {
  const b = Buffer.alloc(size);
  if (size === 2) b[tiff.little ? 'writeUInt16LE' : 'writeUInt16BE'](n);
  else if (size === 4) b[tiff.little ? 'writeUInt32LE' : 'writeUInt32BE'](n);
  else b[tiff.little ? 'writeBigUInt64LE' : 'writeBigUInt64BE'](BigInt(n));
  return b;
}

function writeHeader(tiff: TiffFile, out: Buffer): void {
  out.write(tiff.little ? 'II' : 'MM', 0, 'latin1');
  out.set(encodeUint(tiff, tiff.big ? 43 : 42, 2), 2);
  if (tiff.big) {
    out.set(encodeUint(tiff, 8, 2), 4);
    out.set(encodeUint(tiff, 16, 8), 8);
  } else out.set(encodeUint(tiff, 8, 4), 4);
}
