/**
 * Copies objects from one parsed source (a pdf-lib context) into the output file, renumbering references and
 * writing each object once, as soon as it is reached. Stream data is written straight from the source bytes.
 */
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFContext,
  type PDFObject,
} from './pdf-lib.ts';
import type { PdfFileWriter } from './pdf-writer.ts';

const LENGTH = PDFName.of('Length');

/** A PDF number as PDF syntax: no exponent (JavaScript writes one from 1e21 up), at most 4 decimals, no -0. */
export function num(n: number): string {
  if (!Number.isFinite(n)) return '0';
  if (Math.abs(n) >= 1e21) return BigInt(Math.round(n)).toString();
  if (Number.isInteger(n)) return String(n);
  const text = n.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}

export class ObjectCopier {
  private readonly numbers = new Map<PDFRef, number>();
  private readonly queue: PDFRef[] = [];

  /** `dropped`: references written as null (the source's page tree nodes and catalog). */
  constructor(
    private readonly writer: PdfFileWriter,
    private readonly context: PDFContext,
    private readonly dropped: Set<PDFRef> = new Set(),
  ) {}

  /** Makes `ref` map to an output number chosen by the caller (pages, whose dictionaries the caller writes). */
  assign(ref: PDFRef, num: number): void {
    this.numbers.set(ref, num);
  }

  /** The output reference for a source reference, queuing the object to be copied. */
  ref(ref: PDFRef): string {
    if (this.dropped.has(ref)) return 'null';
    let n = this.numbers.get(ref);
    if (n === undefined) {
      n = this.writer.allocate();
      this.numbers.set(ref, n);
      this.queue.push(ref);
    }
    return `${n} 0 R`;
  }

  /** A source object as PDF syntax; the objects it refers to are queued. */
  serialise(obj: PDFObject | undefined): string {
    if (obj === undefined) return 'null';
    if (obj instanceof PDFRef) return this.ref(obj);
    if (obj instanceof PDFName || obj instanceof PDFString || obj instanceof PDFHexString) return obj.toString();
    if (obj instanceof PDFNumber) return num(obj.asNumber());
    if (obj instanceof PDFBool) return obj.toString();
    if (obj instanceof PDFArray)
      return `[${obj
        .asArray()
        .map((o) => this.serialise(o))
        .join(' ')}]`;
    if (obj instanceof PDFDict) return `<<${this.entries(obj)}>>`;
    if (obj === PDFNull) return 'null';
    return 'null';
  }

  /** A dictionary's inside: `/Key value` pairs, skipping `skip`. */
  entries(dict: PDFDict, skip: PDFName[] = []): string {
    let out = '';
    for (const [key, value] of dict.entries()) {
      if (skip.includes(key)) continue;
      out += `${key.toString()} ${this.serialise(value)}`;
    }
    return out;
  }

  /**
   * The inside of the dictionary made by merging `dicts`: a key the first of them has wins, so no key is written
   * twice (PDF 32000 §7.3.7; `qpdf --check` fails a file that does).
   */
  mergedEntries(dicts: (PDFDict | undefined)[]): string {
    const seen = new Set<PDFName>();
    let out = '';
    for (const dict of dicts) {
      for (const [key, value] of dict?.entries() ?? []) {
        if (seen.has(key)) continue;
        seen.add(key);
        out += `${key.toString()} ${this.serialise(value)}`;
      }
    }
    return out;
  }

  /** Writes every queued object (and what they refer to). */
  drain(): void {
    for (let ref = this.queue.pop(); ref; ref = this.queue.pop()) {
      const n = this.numbers.get(ref)!;
      const obj = this.context.lookup(ref);
      if (obj instanceof PDFStream) this.writeStream(n, obj);
      else this.writer.object(n, obj ? this.serialise(obj) : 'null');
    }
  }

  private writeStream(n: number, stream: PDFStream): void {
    const data = stream instanceof PDFRawStream ? stream.contents : stream.getContents();
    this.writer.stream(n, this.entries(stream.dict, [LENGTH]), data);
  }
}
