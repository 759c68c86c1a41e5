/**
 * A PDF's pages for the inspection. A scanned page (one image and no text) gives its picture, taken straight from
 * the file (a JPEG as it is, Flate data wrapped as a PNG) for sharp to decode: no rendering. A page of text gives
 * the direction its text runs, read by pdfjs; one with neither is rendered by pdfjs to see whether it is blank.
 */
import { inflateSync, crc32 } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, type PDFPage } from '../dossier/pdf-lib.ts';
import { pageGeometry } from '../dossier/pdf-input.ts';
import type { QuarterTurn } from '#shared/page-findings.ts';
import { decodePicture, sharp, type DecodedPicture, type Picture, ANALYSIS_DPI } from './picture.ts';

export type PdfPageView =
  | { kind: 'scan'; picture: Picture }
  | { kind: 'text'; textTurn: QuarterTurn | undefined }
  | { kind: 'drawing'; picture: Picture };

const N = (s: string) => PDFName.of(s);

function numberOf(dict: PDFDict, key: string): number | undefined {
  const v = dict.context.lookup(dict.get(N(key)));
  return v instanceof PDFNumber ? v.asNumber() : undefined;
}

function channelsOf(dict: PDFDict): number | undefined {
  const cs = dict.context.lookup(dict.get(N('ColorSpace')));
  if (cs === N('DeviceGray')) return 1;
  if (cs === N('DeviceRGB')) return 3;
  if (cs instanceof PDFArray && cs.get(0) === N('ICCBased')) {
    const profile = dict.context.lookup(cs.get(1));
    const n = profile instanceof PDFRawStream ? numberOf(profile.dict, 'N') : undefined;
    return n === 1 || n === 3 ? n : undefined;
  }
  return undefined;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Flate data with PNG predictors is a PNG's IDAT as it is: put the PNG around it. */
function pngAround(idat: Uint8Array, width: number, height: number, channels: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = channels === 1 ? 0 : 2;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from(idat)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An image XObject's bytes in a form sharp decodes, or undefined for kinds it does not (CCITT, JBIG2, 1-bit …). */
export async function decodableImage(
  stream: PDFRawStream,
): Promise<{ bytes: Buffer; width: number; height: number } | undefined> {
  const dict = stream.dict;
  const filters = dict.context.lookup(dict.get(N('Filter')));
  const filter = filters instanceof PDFArray && filters.size() === 1 ? filters.get(0) : filters;
  const width = numberOf(dict, 'Width') ?? 0;
  const height = numberOf(dict, 'Height') ?? 0;
  if (filter === N('DCTDecode')) return { bytes: Buffer.from(stream.contents), width, height };
  const channels = channelsOf(dict);
  if (filter !== N('FlateDecode') || numberOf(dict, 'BitsPerComponent') !== 8 || !channels) return undefined;
  const params = dict.context.lookup(dict.get(N('DecodeParms')));
  const predictor = params instanceof PDFDict ? (numberOf(params, 'Predictor') ?? 1) : 1;
  if (predictor >= 10) return { bytes: pngAround(stream.contents, width, height, channels), width, height };
  if (predictor !== 1) return undefined;
  const raw = inflateSync(stream.contents);
  const bytes = await sharp(raw, { raw: { width, height, channels: channels as 1 | 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  return { bytes, width, height };
}

/** The page's only image when it has one image and no fonts: a scan. */
export function scannedImage(page: PDFPage): PDFRawStream | undefined {
  const ctx = page.doc.context;
  const res = ctx.lookup(page.node.getInheritableAttribute(N('Resources')));
  if (!(res instanceof PDFDict)) return undefined;
  const fonts = ctx.lookup(res.get(N('Font')));
  if (fonts instanceof PDFDict && fonts.keys().length > 0) return undefined;
  const xobjects = ctx.lookup(res.get(N('XObject')));
  if (!(xobjects instanceof PDFDict)) return undefined;
  const images = xobjects
    .values()
    .map((v) => ctx.lookup(v))
    .filter((v): v is PDFRawStream => v instanceof PDFRawStream && v.dict.get(N('Subtype')) === N('Image'));
  return images.length === 1 && xobjects.keys().length === 1 ? images[0] : undefined;
}

/**
 * A scanned page's image decoded once, as shown (/Rotate applied), or undefined when the page is not a scan or its
 * image is of a kind sharp cannot read.
 */
export async function decodePageScan(page: PDFPage): Promise<DecodedPicture | undefined> {
  const image = scannedImage(page);
  const decodable = image && (await decodableImage(image));
  if (!decodable) return undefined;
  const geom = pageGeometry(page);
  const turned = geom.rotate % 180 !== 0;
  const pixelsAcross = turned ? decodable.height : decodable.width;
  const dpi = pixelsAcross / (geom.shown.width / 72);
  return decodePicture(decodable.bytes, { turn: geom.rotate, dpi, exif: false });
}

/** The resolution pdfjs renders a page without a scan at, to see whether it is blank. */
export const RENDER_DPI = ANALYSIS_DPI / 2;
