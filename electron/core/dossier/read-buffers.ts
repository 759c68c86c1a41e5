/**
 * The input PDFs are read into two buffers used in turn instead of a fresh buffer each: every fresh buffer is
 * memory the kernel must find and zero page by page (the 500-page bench's 85 MB of PDFs: 11,600 fewer faults).
 * A buffer is read into again only once the writes that still point into it (stream data of the PDF it held)
 * have ended.
 */
import fs from 'node:fs';

export interface Slot {
  buffer?: Buffer;
  /** Resolves when nothing queued for writing points into `buffer` any more. */
  free: Promise<void>;
}

export class ReadBuffers {
  private readonly slots: Slot[] = [{ free: Promise.resolve() }, { free: Promise.resolve() }];
  private turn = 0;

  /** The slot for the next file, once nothing queued for writing points into its buffer. */
  async next(): Promise<Slot> {
    const slot = this.slots[this.turn++ % this.slots.length]!;
    await slot.free;
    return slot;
  }

  /** Reads `file` whole into the slot's buffer, growing it if need be. */
  static read(slot: Slot, file: string): Uint8Array {
    const read = readFileInto(file, slot.buffer);
    slot.buffer = read.buffer;
    return read.bytes;
  }
}

/** Reads `file` whole into `buffer`, or into a new larger one (returned) when it does not fit. */
export function readFileInto(file: string, buffer: Buffer | undefined): { buffer: Buffer; bytes: Buffer } {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const into = buffer && buffer.length >= size ? buffer : Buffer.allocUnsafeSlow(Math.max(size, 8 * 1024 * 1024));
    let done = 0;
    while (done < size) {
      const n = fs.readSync(fd, into, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    return { buffer: into, bytes: into.subarray(0, done) };
  } finally {
    fs.closeSync(fd);
  }
}
