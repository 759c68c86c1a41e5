/**
 * Two measured speed fixes to pdf-lib 1.17.1's parser (see /work/shared/RECIPE.md), applied once on import:
 * - A stream whose /Length is an indirect object (ghostscript, pdfTeX and `qpdf --qdf` write these) made pdf-lib
 *   scan for `endstream` one byte at a time through a JavaScript keyword matcher (80 MiB: 2.5 s). Buffer.indexOf
 *   finds it in milliseconds.
 * - Every stream's bytes were copied out of the file (`Uint8Array.slice`); a view (`subarray`) is enough because
 *   the file's bytes are never changed, and halves the memory a large scan needs.
 */
import { PDFContext, PDFName, PDFNumber, PDFObjectParser, PDFRawStream, PDFRef, type PDFDocument } from './pdf-lib.ts';

// pdf-lib does not export ByteStream; a parser holds one, so its prototype is reachable from an instance.
const byteStreamProto = Object.getPrototypeOf(
  (PDFObjectParser.forBytes(new Uint8Array(1), PDFContext.create()) as unknown as { bytes: object }).bytes,
) as { slice(start: number, end: number): Uint8Array };

interface ByteStreamLike {
  bytes: Uint8Array;
  offset(): number;
  moveTo(offset: number): void;
}

const ENDSTREAM = Buffer.from('endstream', 'latin1');
const CR = 0x0d;
const LF = 0x0a;

/** The end of a stream's data that starts at `start`: just before the EOL that precedes `endstream`. */
export function findEndOfStream(bytes: Uint8Array, start: number): { end: number; after: number } | undefined {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = view.indexOf(ENDSTREAM, start);
  if (at < 0) return undefined;
  let end = at;
  if (end - 2 >= start && bytes[end - 2] === CR && bytes[end - 1] === LF) end -= 2;
  else if (end - 1 >= start && (bytes[end - 1] === LF || bytes[end - 1] === CR)) end -= 1;
  return { end, after: at + ENDSTREAM.length };
}

const LENGTH_KEY = 'Length';

/**
 * Streams whose /Length is an indirect object were cut where `endstream` was found, less the end-of-line before
 * it — which is wrong when the data's own last byte is a CR or LF (1 compressed stream in ~128). Once the whole
 * file is parsed the length objects exist: every such stream is re-cut at its declared length, provided
 * `endstream` really follows there.
 */
export function applyIndirectLengths(doc: PDFDocument, file: Uint8Array): void {
  const view = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const ref = obj.dict.get(PDFName.of(LENGTH_KEY));
    if (!(ref instanceof PDFRef)) continue;
    const declared = doc.context.lookup(ref);
    if (!(declared instanceof PDFNumber)) continue;
    const length = declared.asNumber();
    const contents = obj.contents;
    if (length === contents.length || contents.buffer !== file.buffer) continue;
    const start = contents.byteOffset - file.byteOffset;
    let after = start + length;
    while (after < view.length && (view[after] === CR || view[after] === LF || view[after] === 0x20)) after += 1;
    if (length < 0 || start + length > view.length || !view.subarray(after, after + ENDSTREAM.length).equals(ENDSTREAM)) continue;
    (obj as unknown as { contents: Uint8Array }).contents = file.subarray(start, start + length);
  }
}

let applied = false;

export function applyPdfLibPatches(): void {
  if (applied) return;
  applied = true;
  byteStreamProto.slice = function slice(this: { bytes: Uint8Array }, start: number, end: number) {
    return this.bytes.subarray(start, end);
  };
  const parserProto = PDFObjectParser.prototype as unknown as {
    findEndOfStreamFallback(startPos: unknown): number;
    bytes: ByteStreamLike;
  };
  parserProto.findEndOfStreamFallback = function findEndOfStreamFallback(this: { bytes: ByteStreamLike }) {
    const stream = this.bytes;
    const found = findEndOfStream(stream.bytes, stream.offset());
    if (!found) throw new Error('Failed to parse PDF stream: no endstream keyword');
    stream.moveTo(found.after);
    return found.end;
  };
}

applyPdfLibPatches();
