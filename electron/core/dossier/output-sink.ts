/**
 * Where the dossier's bytes go: positional writes on libuv's threads, several at once, while the assembly goes on
 * reading the next input. Requests arrive in file order, each starting where the one before it ended.
 *
 * Through the page cache, on purpose: the app reads the dossier back at once for its preview. Writing past the
 * cache (O_DIRECT, Linux only) was tried and measured by `npm run bench` on the app's path: it saved kernel time
 * while writing but made the read-back go to the disk, a loss several times larger (see the bench's read-back).
 */
import fs from 'node:fs';
import { promisify } from 'node:util';
import { FileCopier, type FileRanges } from './file-copy.ts';

export interface OutputSink {
  /** Writes `chunks`, one after another, from `position`. */
  write(chunks: Uint8Array[], position: number): Promise<void>;
  /** Copies `ranges` of `file`, one after another, from `position`. */
  copy(file: string, ranges: FileRanges, position: number): Promise<void>;
  /** Closes the file once every request has ended. */
  close(): Promise<void>;
  /** Closes the file without finishing it, once the writes under way have ended. */
  abandon(): Promise<void>;
}

const writev = promisify(fs.writev) as unknown as (
  fd: number,
  buffers: Uint8Array[],
  position: number,
) => Promise<{ bytesWritten: number }>;
const write = promisify(fs.write) as unknown as (
  fd: number,
  buffer: Uint8Array,
  offset: number,
  length: number,
  position: number,
) => Promise<{ bytesWritten: number }>;

async function writeAllAt(fd: number, chunks: Uint8Array[], position: number): Promise<void> {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  let done = (await writev(fd, chunks, position)).bytesWritten;
  if (done >= total) return;
  const rest = Buffer.concat(chunks, total);
  while (done < total) done += (await write(fd, rest, done, total - done, position + done)).bytesWritten;
}

class FileSink implements OutputSink {
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

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // already closed
  }
}

/** Opens `file` for the dossier. */
export function openSink(file: string): OutputSink {
  return new FileSink(fs.openSync(file, 'w'));
}
