/**
 * A PDF file written object by object as the dossier is assembled, instead of pdf-lib's `save()`, which holds
 * every stream twice plus the whole output and copies stream data one byte at a time. Memory stays near the
 * largest single input; the cross-reference table is written at the end.
 */
import fs from 'node:fs';

const FLUSH_AT = 4 * 1024 * 1024;
const copyBuffer = Buffer.allocUnsafe(1024 * 1024);

export class PdfFileWriter {
  private readonly fd: number;
  private position = 0;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private readonly offsets: number[] = [];
  private next = 1;

  constructor(readonly filePath: string) {
    this.fd = fs.openSync(filePath, 'w');
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
   * Writes a stream object whose data is a whole file, copied through one reused buffer: a photo passed through
   * never becomes a JavaScript allocation (60 phone photos would otherwise be 250 MB for the collector).
   */
  streamFromFile(num: number, dict: string, file: string): void {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      this.offsets[num] = this.position;
      this.raw(Buffer.from(`${num} 0 obj\n<<${dict}/Length ${size}>>\nstream\n`, 'latin1'));
      this.flush();
      let done = 0;
      while (done < size) {
        const n = fs.readSync(fd, copyBuffer, 0, Math.min(copyBuffer.length, size - done), done);
        if (n <= 0) throw new Error(`${file}: file shrank while being copied`);
        writeAll(this.fd, copyBuffer.subarray(0, n));
        done += n;
      }
      this.position += size;
      this.raw(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    } finally {
      fs.closeSync(fd);
    }
  }

  private raw(bytes: Uint8Array): void {
    this.position += bytes.length;
    if (bytes.length >= FLUSH_AT) {
      this.flush();
      writeAll(this.fd, bytes);
      return;
    }
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= FLUSH_AT) this.flush();
  }

  /** Writes out what is buffered. */
  flush(): void {
    if (this.pending.length === 0) return;
    // writev, not Buffer.concat: no copy of what is buffered.
    const written = fs.writevSync(this.fd, this.pending);
    if (written < this.pendingBytes) writeAll(this.fd, Buffer.concat(this.pending, this.pendingBytes).subarray(written));
    this.pending = [];
    this.pendingBytes = 0;
  }

  /**
   * Writes the cross-reference table and trailer and closes the file. No fsync: the dossier can always be made
   * again from its inputs, and forcing 300 MB to disk would double the wall time on a busy disk.
   */
  finish(root: number, info: number, id: string): void {
    const count = this.next;
    const xrefAt = this.position;
    const lines = ['xref', `0 ${count}`, '0000000000 65535 f '];
    for (let n = 1; n < count; n += 1) {
      const at = this.offsets[n];
      lines.push(at === undefined ? '0000000000 00000 f ' : `${String(at).padStart(10, '0')} 00000 n `);
    }
    const trailer = `trailer\n<</Size ${count}/Root ${root} 0 R/Info ${info} 0 R/ID[<${id}><${id}>]>>\nstartxref\n${xrefAt}\n%%EOF\n`;
    this.raw(Buffer.from(`${lines.join('\n')}\n${trailer}`, 'latin1'));
    this.flush();
    fs.closeSync(this.fd);
  }

  /** Closes the file without finishing it (after an error or a cancel). */
  abandon(): void {
    this.pending = [];
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
  }

  /** Objects reserved but never written; must be none when finishing. */
  missing(): number[] {
    const gaps: number[] = [];
    for (let n = 1; n < this.next; n += 1) if (this.offsets[n] === undefined) gaps.push(n);
    return gaps;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
}
