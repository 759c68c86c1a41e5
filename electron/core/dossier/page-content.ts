/**
 * What a source page's content is, as the dossier carries it: its content streams as they are when a reader and
 * `qpdf --check` find them sound (the ordinary case: only decoded and read, never rewritten), else the content
 * written again as the reader reads it. A page whose content does not decode, or whose picture is a damaged JPEG,
 * shows in a reader with text or pictures missing: the file is refused by name, never printed so.
 */
import zlib from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFContext, type PDFPage } from './pdf-lib.ts';
import { contentIsDamaged, repairContent } from './content-lexer.ts';
import { DossierInputError } from './errors.ts';
import { jpegIsComplete } from './jpeg.ts';
import { decodeStream } from './stream-decode.ts';

/** The page's content streams to copy as they are, or its content rewritten (to be written Flate-compressed). */
export type PageContent = { streams: PDFRef[] } | { repaired: Uint8Array };

const N = (s: string) => PDFName.of(s);

/** The page's content stream references; a non-stream in the content array (readers skip it) is left out. */
function contentStreams(page: PDFPage): PDFRef[] {
  const ctx = page.doc.context;
  const contents = page.node.get(N('Contents'));
  const list = ctx.lookup(contents);
  const refs = list instanceof PDFArray ? list.asArray() : [contents];
  return refs.filter((r): r is PDFRef => r instanceof PDFRef && ctx.lookup(r) instanceof PDFRawStream);
}

/**
 * Reads page `index` of `file`'s content. Throws DossierInputError when a content stream does not decode or a
 * JPEG the page shows is damaged.
 */
export function readPageContent(page: PDFPage, index: number, file: string): PageContent {
  const ctx = page.doc.context;
  const refs = contentStreams(page);
  const decoded = refs.map((r) => decodeStream(ctx, ctx.lookup(r) as PDFRawStream));
  if (decoded.includes('undecodable')) throw new DossierInputError('content-damaged', file, `第 ${index + 1} 页`);
  const resources = ctx.lookup(page.node.getInheritableAttribute(N('Resources')));
  assertImagesWhole(ctx, resources instanceof PDFDict ? resources : undefined, index, file, new Set());
  const parts = decoded.filter((d): d is Uint8Array => d instanceof Uint8Array);
  // A stream in a filter not tried is left to the reader: the page's content is taken as it is.
  if (parts.length < decoded.length) return { streams: refs };
  const joined = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  const starts: number[] = [];
  parts.reduce((at, part) => (starts.push(at + part.length), at + part.length), 0);
  if (!contentIsDamaged(joined, starts)) return { streams: refs };
  return { repaired: zlib.deflateSync(repairContent(joined, starts)) };
}

const DCT = new Set(['DCTDecode', 'DCT']);
const JPEG_END = Buffer.from([0xff, 0xd9]);
/** How far from its end a JPEG's end marker is looked for first (some writers pad after it). */
const JPEG_TAIL = 32;

/** Every JPEG image the resources draw (forms' own resources too) starts as a JPEG and runs to its end. */
function assertImagesWhole(
  ctx: PDFContext,
  resources: PDFDict | undefined,
  index: number,
  file: string,
  seen: Set<PDFRef>,
): void {
  const xobjects = resources && ctx.lookup(resources.get(N('XObject')));
  if (!(xobjects instanceof PDFDict)) return;
  for (const ref of xobjects.values()) {
    if (!(ref instanceof PDFRef) || seen.has(ref)) continue;
    seen.add(ref);
    const x = ctx.lookup(ref);
    if (!(x instanceof PDFRawStream)) continue;
    const subtype = x.dict.get(N('Subtype'));
    if (subtype === N('Form')) {
      const own = ctx.lookup(x.dict.get(N('Resources')));
      assertImagesWhole(ctx, own instanceof PDFDict ? own : undefined, index, file, seen);
    } else if (subtype === N('Image') && isJpegOnly(ctx, x) && !jpegEnds(x.contents)) {
      throw new DossierInputError('pdf-image-damaged', file, `第 ${index + 1} 页`);
    }
  }
}

/**
 * A JPEG that ends with its end marker (give or take a few bytes of padding) is whole: entropy-coded data never
 * holds FF D9, and a file cut at random ends there almost never. Else its segments are followed to be sure.
 */
function jpegEnds(data: Uint8Array): boolean {
  const tail = Buffer.from(data.buffer, data.byteOffset, data.byteLength).subarray(-JPEG_TAIL);
  return (data[0] === 0xff && data[1] === 0xd8 && tail.includes(JPEG_END)) || jpegIsComplete(data);
}

function isJpegOnly(ctx: PDFContext, image: PDFRawStream): boolean {
  const filter = ctx.lookup(image.dict.get(N('Filter')));
  const list = filter instanceof PDFArray ? filter.asArray().map((f) => ctx.lookup(f)) : [filter];
  return list.length === 1 && list[0] instanceof PDFName && DCT.has(list[0].decodeText());
}
