/**
 * Where the dossier's bytes go. Requests arrive in file order, each starting where the one before it ended.
 *
 * On Linux the file is written past the page cache (O_DIRECT): the bytes are gathered, in order, into a few
 * 4 MiB blocks of page-aligned memory and each full block goes to the disk in one aligned write. A dossier is
 * written once and not read back by us, and putting its ~270 MB into fresh page cache was the part of the
 * assembly that varied most: 0.3–0.8 s of kernel time on the 500-page bench, against ~0.01 s for direct writes.
 * Where O_DIRECT is missing or refused (another system, tmpfs, a network drive), the file is written through the
 * cache with positional writes in the background, as before.
 */
import fs from 'node:fs';
import { promisify } from 'node:util';
import { FileCopier, visitRanges, type FileRanges } from './file-copy.ts';

export interface OutputSink {
  /** `direct`: past the page cache; `cached`: through it. */
  readonly kind: 'direct' | 'cached';
  /** Writes `chunks`, one after another, from `position`. */
  write(chunks: Uint8Array[], position: number): Promise<void>;
  /** Copies `ranges` of `file`, one after another, from `position`. */
  copy(file: string, ranges: FileRanges, position: number): Promise<void>;
  /** Once every request has ended: leaves the file exactly `size` bytes long and closes it. */
  close(size: number): Promise<void>;
  /** Closes the file without finishing it, once the writes under way have ended. */
  abandon(): Promise<void>;
}

const writev = promisify(fs.writev) as unknown as (fd: number, buffers: Uint8Array[], position: number) => Promise<{ bytesWritten: number }>;
const write = promisify(fs.write) as unknown as (fd: number, buffer: Uint8Array, offset: number, length: number, position: number) => Promise<{ bytesWritten: number }>;

async function writeAllAt(fd: number, chunks: Uint8Array[], position: number): Promise<void> {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  let done = (await writev(fd, chunks, position)).bytesWritten;
  if (done >= total) return;
  const rest = Buffer.concat(chunks, total);
  while (done < total) done += (await write(fd, rest, done, total - done, position + done)).bytesWritten;
}

/** Through the page cache: positional writes on libuv's threads, several at once. */
class CachedSink implements OutputSink {
  readonly kind = 'cached';
  private readonly copier = new FileCopier();
  constructor(private readonly fd: number) {}

  write(chunks: Uint8Array[], position: number): Promise<void> {
    return writeAllAt(this.fd, chunks, position);
  }

  copy(file: string, ranges: FileRanges, position: number): Promise<void> {
    return this.copier.copy(file, ranges, (chunks, at) => writeAllAt(this.fd, chunks, at), position);
  }

  async close(): Promise<void> {
    fs.closeSync(this.fd);
  }

  async abandon(): Promise<void> {
    closeQuietly(this.fd);
  }
}

const BLOCK = 4 * 1024 * 1024;
const BLOCKS = 4;
/** Disk sectors: the last block is written up to a multiple of this, and the file then cut to its size. */
const SECTOR = 4096;
const WASM_PAGE = 64 * 1024;

/** Past the page cache: in order, through page-aligned blocks (a WebAssembly memory starts on a page). */
class DirectSink implements OutputSink {
  readonly kind = 'direct';
  private readonly blocks: Buffer[];
  /** The write of each block under way, if any. */
  private readonly writes: Promise<void>[] = Array.from({ length: BLOCKS }, () => Promise.resolve());
  private current = 0;
  private fill = 0;
  /** Where the current block starts in the file. */
  private blockAt = 0;
  /** Requests, one after another. */
  private tail: Promise<void> = Promise.resolve();
  private failure: unknown;
  /** Where file ranges are read before their parts go into the blocks. */
  private scratch: Buffer | undefined;

  constructor(private readonly fd: number) {
    const pages = (BLOCK * BLOCKS) / WASM_PAGE;
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    this.blocks = Array.from({ length: BLOCKS }, (_, i) => Buffer.from(memory.buffer, i * BLOCK, BLOCK));
  }

  /** Whether the system takes a direct write from these blocks (one sector; the dossier's first block overwrites it). */
  works(): boolean {
    try {
      this.blocks[0]!.fill(0, 0, SECTOR);
      return fs.writeSync(this.fd, this.blocks[0]!, 0, SECTOR, 0) === SECTOR;
    } catch {
      return false;
    }
  }

  write(chunks: Uint8Array[], position: number): Promise<void> {
    return this.inTurn(position, async () => {
      for (const chunk of chunks) await this.put(chunk);
    });
  }

  copy(file: string, ranges: FileRanges, position: number): Promise<void> {
    return this.inTurn(position, () =>
      visitRanges(file, ranges, (this.scratch ??= Buffer.allocUnsafe(BLOCK)), async (parts) => {
        for (const part of parts) await this.put(part);
      }),
    );
  }

  async close(size: number): Promise<void> {
    await this.tail;
    if (this.failure) throw this.failure;
    if (this.fill > 0) {
      const length = Math.ceil(this.fill / SECTOR) * SECTOR;
      this.blocks[this.current]!.fill(0, this.fill, length);
      this.writes[this.current] = this.writeBlock(this.current, length, this.blockAt);
    }
    await Promise.all(this.writes);
    if (this.failure) throw this.failure;
    fs.ftruncateSync(this.fd, size);
    fs.closeSync(this.fd);
  }

  async abandon(): Promise<void> {
    await this.tail.catch(() => undefined);
    await Promise.allSettled(this.writes);
    closeQuietly(this.fd);
  }

  /** Runs `work` after the requests before it; `position` must follow on from them. */
  private inTurn(position: number, work: () => Promise<void>): Promise<void> {
    const run = this.tail.then(() => {
      if (this.failure) throw this.failure;
      if (position !== this.blockAt + this.fill) throw new Error(`internal: write at ${position}, expected ${this.blockAt + this.fill}`);
      return work();
    });
    this.tail = run.catch((error: unknown) => {
      this.failure ??= error;
    });
    return run;
  }

  private async put(bytes: Uint8Array): Promise<void> {
    for (let done = 0; done < bytes.length; ) {
      const n = Math.min(BLOCK - this.fill, bytes.length - done);
      this.blocks[this.current]!.set(bytes.subarray(done, done + n), this.fill);
      this.fill += n;
      done += n;
      if (this.fill === BLOCK) await this.nextBlock();
    }
  }

  /** Sends the full current block to the disk and waits until the next one is free. */
  private async nextBlock(): Promise<void> {
    this.writes[this.current] = this.writeBlock(this.current, BLOCK, this.blockAt);
    this.current = (this.current + 1) % BLOCKS;
    this.blockAt += BLOCK;
    this.fill = 0;
    await this.writes[this.current];
    if (this.failure) throw this.failure;
  }

  private async writeBlock(index: number, length: number, position: number): Promise<void> {
    try {
      let done = 0;
      while (done < length) done += (await write(this.fd, this.blocks[index]!, done, length - done, position + done)).bytesWritten;
    } catch (error) {
      this.failure ??= error;
    }
  }
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // already closed
  }
}

/** Opens `file` for the dossier: past the page cache where the system allows it, else through it. */
export function openSink(file: string): OutputSink {
  const direct = fs.constants.O_DIRECT;
  if (direct && process.platform === 'linux' && process.env.JUANZONG_CACHED_OUTPUT !== '1') {
    try {
      const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | direct, 0o666);
      const sink = new DirectSink(fd);
      if (sink.works()) return sink;
      fs.closeSync(fd);
    } catch {
      // O_DIRECT refused where the file is (tmpfs, some network drives): through the cache, then
    }
  }
  return new CachedSink(fs.openSync(file, 'w'));
}

