/**
 * A PDF file written object by object as the dossier is assembled, instead of pdf-lib's `save()`, which holds
 * every stream twice plus the whole output and copies stream data one byte at a time. Memory stays near the
 * largest single input; the cross-reference table is written at the end.
 *
 * Every byte's place in the file is known when it is queued, so the writes themselves run in the background
 * (`output-sink.ts`) while the main thread goes on reading and serialising the next input; `settle()` waits when
 * too much is in flight, so memory stays bounded.
 */
import fs from 'node:fs';
import type { FileRanges } from './file-copy.ts';
import { openSink, type OutputSink } from './output-sink.ts';

const FLUSH_AT = 4 * 1024 * 1024;
/** Bytes queued for writing before `settle()` waits for the disk. */
const IN_FLIGHT_LIMIT = 64 * 1024 * 1024;

export class PdfFileWriter {
  private readonly sink: OutputSink;
  /** Where the next queued byte goes. */
  private position = 0;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private inFlightBytes = 0;
  private failure: unknown;
  private readonly offsets: number[] = [];
  private next = 1;

  constructor(readonly filePath: string) {
    this.sink = openSink(filePath);
    this.raw(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  }

  /** Reserves an object number; the object may be written later, in any order. */
  allocate(): number {
    return this.next++;
  }

  /** Writes `n 0 obj <body> endobj`; `body` is PDF syntax (Latin-1). */
  object(num: number, body: string): void {
    this.offsets[num] = this.position;
    this.raw(Buffer.from(`${num} 0 obj\n${body}\nendobj\n`, 'latin1'));
  }

  /** Writes a stream object; `dict` is the dictionary's inside, without /Length (added here). */
  stream(num: number, dict: string, data: Uint8Array): void {
    this.offsets[num] = this.position;
    this.raw(Buffer.from(`${num} 0 obj\n<<${dict}/Length ${data.length}>>\nstream\n`, 'latin1'));
    this.raw(data);
    this.raw(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  }

  /**
   * Writes a stream object whose data is a whole file (a photo passed through) or ranges of it (a PNG's IDAT
   * chunks), read and written in the background: the main thread never holds it.
   */
  streamFromFile(num: number, dict: string, file: string, ranges: FileRanges = [[0, fs.statSync(file).size]]): void {
    const size = ranges.reduce((n, [, length]) => n + length, 0);
    this.offsets[num] = this.position;
    this.raw(Buffer.from(`${num} 0 obj\n<<${dict}/Length ${size}>>\nstream\n`, 'latin1'));
    this.flush();
    const at = this.position;
    this.position += size;
    this.track(this.sink.copy(file, ranges, at), size);
    this.raw(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  }

  private raw(bytes: Uint8Array): void {
    this.position += bytes.length;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= FLUSH_AT) this.flush();
  }

  /** Hands what is buffered to a background write at its place in the file. */
  flush(): void {
    if (this.pending.length === 0) return;
    const at = this.position - this.pendingBytes;
    this.track(this.sink.write(this.pending, at), this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
  }

  private track(work: Promise<void>, bytes: number): void {
    this.inFlightBytes += bytes;
    const done: Promise<void> = work.then(
      () => undefined,
      (error: unknown) => {
        this.failure ??= error;
      },
    );
    const tracked = done.finally(() => {
      this.inFlight.delete(tracked);
      this.inFlightBytes -= bytes;
    });
    this.inFlight.add(tracked);
  }

  /** Waits while more than IN_FLIGHT_LIMIT bytes are still being written; rethrows a failed write. */
  async settle(limit = IN_FLIGHT_LIMIT): Promise<void> {
    this.flush();
    while (this.inFlightBytes > limit && this.inFlight.size > 0) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
  }

  /** Resolves when every write queued so far has ended (written or failed). */
  written(): Promise<void> {
    this.flush();
    return Promise.allSettled([...this.inFlight]).then(() => undefined);
  }

  /** Writes the cross-reference table and trailer, waits for every write, and closes the file. */
  async finish(root: number, info: number, id: string): Promise<void> {
    const count = this.next;
    const xrefAt = this.position;
    const lines = ['xref', `0 ${count}`, '0000000000 65535 f '];
    for (let n = 1; n < count; n += 1) {
      const at = this.offsets[n];
      lines.push(at === undefined ? '0000000000 00000 f ' : `${String(at).padStart(10, '0')} 00000 n `);
    }
    const trailer = `trailer\n<</Size ${count}/Root ${root} 0 R/Info ${info} 0 R/ID[<${id}><${id}>]>>\nstartxref\n${xrefAt}\n%%EOF\n`;
    this.raw(Buffer.from(`${lines.join('\n')}\n${trailer}`, 'latin1'));
    await this.settle(0);
    await this.sink.close();
  }

  /** Waits for writes under way, then closes the file without finishing it (after an error or a cancel). */
  async abandon(): Promise<void> {
    this.pending = [];
    this.pendingBytes = 0;
    await Promise.allSettled([...this.inFlight]);
    await this.sink.abandon();
  }

  /** Objects reserved but never written; must be none when finishing. */
  missing(): number[] {
    const gaps: number[] = [];
    for (let n = 1; n < this.next; n += 1) if (this.offsets[n] === undefined) gaps.push(n);
    return gaps;
  }
}
