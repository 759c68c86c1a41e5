/**
 * Pages in colour at a low resolution, to see where they carry ink and where that ink is red (a seal): a PDF page
 * drawn by pdfjs (a scan from its image, by sharp), an image page scaled down by sharp. RGB, three bytes a pixel, upright as shown.
 */
import type Sharp from 'sharp';
import type { PDFPage } from '../dossier/pdf-lib.ts';
import { pageGeometry } from '../dossier/pdf-input.ts';
import { decodableImage, scannedImage } from './pdf-pages.ts';
import type { openWithPdfJs } from './pdfjs-pages.ts';
import { sharp, type DecodedPicture } from './picture.ts';

export interface ColourPicture {
  data: Uint8Array;
  width: number;
  height: number;
}

type PdfJsDocument = Awaited<ReturnType<typeof openWithPdfJs>>;

interface CanvasFactory {
  create(w: number, h: number): { canvas: unknown; context: CanvasRenderingContext2D };
}

/** A PDF page drawn by pdfjs at `dpi`, as shown (/Rotate and the CropBox applied), on white. */
export async function renderPageColour(doc: PdfJsDocument, pageNumber: number, dpi: number): Promise<ColourPicture> {
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.max(1, Math.round(viewport.width));
  const height = Math.max(1, Math.round(viewport.height));
  const { canvas, context } = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory.create(width, height);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({ canvasContext: context, viewport, canvas: canvas as HTMLCanvasElement }).promise;
  const rgba = context.getImageData(0, 0, width, height).data;
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; j < data.length; i += 4, j += 3) {
    data[j] = rgba[i]!;
    data[j + 1] = rgba[i + 1]!;
    data[j + 2] = rgba[i + 2]!;
  }
  page.cleanup();
  return { data, width, height };
}

/** An image (a sharp pipeline on its page) upright as shown, on white, `width` pixels across. */
export async function imageColour(source: ReturnType<typeof Sharp>, width: number): Promise<ColourPicture> {
  const { data, info } = await source
    .autoOrient()
    .flatten({ background: '#ffffff' })
    .resize({ width: Math.max(1, Math.round(width)) })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/**
 * A scanned PDF page (one image, no text) from its image, decoded by sharp (shrink-on-load: far quicker than
 * pdfjs's decoder), turned as /Rotate shows it; undefined when the page is not a scan or sharp cannot read it.
 */
export async function scanColour(page: PDFPage, dpi: number): Promise<ColourPicture | undefined> {
  const image = scannedImage(page);
  const decodable = image && (await decodableImage(image));
  if (!decodable) return undefined;
  const geom = pageGeometry(page);
  const pipeline = sharp(decodable.bytes, { failOn: 'none' }).rotate(geom.rotate);
  const { data, info } = await pipeline
    .flatten({ background: '#ffffff' })
    .resize({
      width: Math.max(1, Math.round((geom.shown.width / 72) * dpi)),
      height: Math.max(1, Math.round((geom.shown.height / 72) * dpi)),
      fit: 'fill',
    })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/**
 * Decoded pixels (see `decodePicture`) in colour, `size` pixels large: a scanned page's at its shown size, an
 * image's `{ width }` across.
 */
export async function decodedColour(
  pixels: DecodedPicture['pixels'],
  size: { width: number; height?: number },
): Promise<ColourPicture> {
  const px = (n: number | undefined) => (n === undefined ? undefined : Math.max(1, Math.round(n)));
  const { data, info } = await sharp(pixels.data, { raw: pixels })
    .resize({ width: px(size.width), height: px(size.height), fit: 'fill' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}
