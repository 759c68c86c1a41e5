/**
 * Whole files (photos passed through) copied into the output at a given place, on libuv's threads, through two
 * reused 4 MiB buffers. A fresh buffer per photo made V8 collect garbage for "external memory pressure" every
 * few dozen MiB, and `readFile` needs a main-thread turn for every 512 KiB it reads.
 */
import fs from 'node:fs/promises';

const CHUNK = 4 * 1024 * 1024;
const LANES = 2;

export type WriteAt = (chunk: Uint8Array, position: number) => Promise<void>;

async function copyThrough(buffer: Buffer, file: string, size: number, writeAt: WriteAt, at: number): Promise<void> {
  const handle = await fs.open(file, 'r');
  try {
    if ((await handle.stat()).size !== size) throw new Error(`${file} changed while the dossier was written`);
    for (let done = 0; done < size; ) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, size - done), done);
      if (bytesRead === 0) throw new Error(`${file} changed while the dossier was written`);
      await writeAt(buffer.subarray(0, bytesRead), at + done);
      done += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

export class FileCopier {
  private readonly tails: Promise<void>[] = Array.from({ length: LANES }, () => Promise.resolve());
  private readonly buffers: Buffer[] = [];
  private turn = 0;

  /** Copies the `size` bytes of `file` to `at`, after the copies queued before it on the same lane. */
  copy(file: string, size: number, writeAt: WriteAt, at: number): Promise<void> {
    const lane = this.turn++ % LANES;
    const run = this.tails[lane]!.then(() => copyThrough((this.buffers[lane] ??= Buffer.allocUnsafe(CHUNK)), file, size, writeAt, at));
    this.tails[lane] = run.catch(() => undefined);
    return run;
  }
}
