/**
 * Whole files (photos passed through), or ranges of them (a PNG's IDAT chunks), copied into the output at a given
 * place, on libuv's threads, through two reused 4 MiB buffers. A fresh buffer per file made V8 collect garbage for
 * "external memory pressure" every few dozen MiB, and `readFile` needs a main-thread turn for every 512 KiB it
 * reads. Ranges are read as one span, 4 MiB at a time, and the parts of each read that belong to them are
 * written with one gathered write: a PNG's ~8 KiB IDAT chunks are not copied one by one.
 */
import fs from 'node:fs/promises';

const CHUNK = 4 * 1024 * 1024;
const LANES = 2;

/** Byte ranges of a file, in order and not overlapping: [start, length]. */
export type FileRanges = [number, number][];

/** Writes the chunks, one after another, from `position` of the output. */
export type WriteAt = (chunks: Uint8Array[], position: number) => Promise<void>;

/** The parts of `ranges` that lie in the file's bytes [from, from + read.length), as views of `read`. */
export function partsWithin(ranges: FileRanges, read: Buffer, from: number): Buffer[] {
  const to = from + read.length;
  const parts: Buffer[] = [];
  for (const [start, length] of ranges) {
    const a = Math.max(start, from);
    const b = Math.min(start + length, to);
    if (a < b) parts.push(read.subarray(a - from, b - from));
  }
  return parts;
}

/**
 * Reads the span of `ranges` in `file` into `buffer`, 4 MiB at a time, and hands `visit` the parts of each read that
 * lie in the ranges, in order. Throws, naming the file, if it ends before its ranges do.
 */
export async function visitRanges(
  file: string,
  ranges: FileRanges,
  buffer: Buffer,
  visit: (parts: Buffer[]) => Promise<void>,
): Promise<void> {
  const handle = await fs.open(file, 'r');
  try {
    const end = ranges.reduce((n, [start, length]) => Math.max(n, start + length), 0);
    for (let from = ranges[0]?.[0] ?? 0; from < end;) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, buffer.length, end - from), from);
      if (bytesRead === 0) throw new Error(`${file} changed while the dossier was written`);
      await visit(partsWithin(ranges, buffer.subarray(0, bytesRead), from));
      from += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

async function copyThrough(
  buffer: Buffer,
  file: string,
  ranges: FileRanges,
  writeAt: WriteAt,
  at: number,
): Promise<void> {
  let to = at;
  await visitRanges(file, ranges, buffer, async (parts) => {
    await writeAt(parts, to);
    to += parts.reduce((n, p) => n + p.length, 0);
  });
}

export class FileCopier {
  private readonly tails: Promise<void>[] = Array.from({ length: LANES }, () => Promise.resolve());
  private readonly buffers: Buffer[] = [];
  private turn = 0;

  /** Copies `ranges` of `file` to `at`, after the copies queued before it on the same lane. */
  copy(file: string, ranges: FileRanges, writeAt: WriteAt, at: number): Promise<void> {
    const lane = this.turn++ % LANES;
    const run = this.tails[lane]!.then(() =>
      copyThrough((this.buffers[lane] ??= Buffer.allocUnsafe(CHUNK)), file, ranges, writeAt, at),
    );
    this.tails[lane] = run.catch(() => undefined);
    return run;
  }
}
