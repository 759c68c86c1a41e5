/**
 * `inspectFile`: every page of one input file looked at — blank, turned, leaning, a photo, too tall, too coarse or
 * too fine — with the changes proposed for it. Runs on the inspection's worker thread (see run-inspection.ts).
 */
import type { FileInspection, PageFindings, PageInk, QuarterTurn } from '#shared/page-findings.ts';
import { pageInput, prepareImage, type PreparedImage } from '../dossier/image-input.ts';
import { pagePixels, rasterColour, rasterPicture, tiffPageData } from '../dossier/tiff-image.ts';
import type { TiffRaster } from '../dossier/tiff-raster.ts';
import type { FileKind } from '#shared/file-kinds.ts';
import { sniffFile } from '../files/sniff.ts';
import { checkPdf, openPdf, pageGeometry } from '../dossier/pdf-input.ts';
import { releaseInput } from '../dossier/prepare.ts';
import { analysePicture } from './analyse-picture.ts';
import { isBlank } from './blank.ts';
import { decodedColour, renderPageColour, type ColourPicture } from './colour-pages.ts';
import { INK_DPI, pageInk } from './page-ink.ts';
import { openCv } from './opencv.ts';
import { decodePageScan, RENDER_DPI } from './pdf-pages.ts';
import { openWithPdfJs, renderPage, textTurn } from './pdfjs-pages.ts';
import { startOrientation, type TilesReading } from './osd.ts';
import { decodePicture, type DecodedPicture } from './picture.ts';
import type { PDFPage } from '../dossier/pdf-lib.ts';

function textPage(page: number, orientation: QuarterTurn): PageFindings {
  const turn = ((360 - orientation) % 360) as QuarterTurn;
  return { page, blank: false, orientation, warnings: [], proposals: turn ? { turn } : {} };
}

interface ScanAhead {
  scan: DecodedPicture;
  tiles: TilesReading;
}

/**
 * The page's scan, decoding now, and handed to Tesseract as soon as it is decoded: its tiles wait in Tesseract's
 * queue behind the page before, so that its thread never waits on this one. A failure is kept for when the scan
 * is awaited, not thrown unhandled.
 */
function decodeAhead(page: PDFPage | undefined): Promise<ScanAhead | undefined> {
  const decoding = (async () => {
    const scan = page && (await decodePageScan(page));
    return scan && { scan, tiles: await startOrientation(scan.grey) };
  })();
  decoding.catch(() => undefined);
  return decoding;
}

/** A4's long side at INK_DPI, in pixels: an image's picture for its ink is drawn this long. */
const INK_LONG_SIDE = Math.round((297 / 25.4) * INK_DPI);

/** The ink of a picture yet to be drawn; absent when it cannot be drawn (the assembly then draws the page itself). */
async function inkOf(
  draw: () => Promise<ColourPicture>,
  shown?: { width: number; height: number },
): Promise<PageInk | undefined> {
  try {
    return pageInk(await draw(), shown);
  } catch {
    return undefined;
  }
}

async function inspectPdf(file: string): Promise<PageFindings[]> {
  const prepared = await checkPdf(file);
  try {
    const { doc } = await openPdf(prepared);
    let pdfjs: Awaited<ReturnType<typeof openWithPdfJs>> | undefined;
    const openPdfJs = async () => (pdfjs ??= await openWithPdfJs(prepared.loadPath));
    const findings: PageFindings[] = [];
    const pages = doc.getPages();
    let upcoming = decodeAhead(pages[0]);
    for (let i = 0; i < pages.length; i += 1) {
      const ahead = await upcoming;
      const scan = ahead?.scan;
      // The next scan is decoded (by sharp, off this thread) while Tesseract reads this one.
      upcoming = decodeAhead(pages[i + 1]);
      const page = pages[i]!;
      const { shown } = pageGeometry(page);
      const ink = () =>
        inkOf(
          async () =>
            scan
              ? decodedColour(scan.pixels, {
                  width: (shown.width / 72) * INK_DPI,
                  height: (shown.height / 72) * INK_DPI,
                })
              : renderPageColour(await openPdfJs(), i + 1, INK_DPI),
          shown,
        );
      // A scan's ink is scaled by sharp and counted while Tesseract reads the page on its own thread; pdfjs draws
      // one page at a time.
      const scanInk = scan ? ink() : undefined;
      if (scan) {
        findings.push(await analysePicture(await openCv(), scan.grey, { page: i + 1, isImage: false }, ahead.tiles));
      } else {
        const turn = await textTurn(await openPdfJs(), i + 1);
        if (turn !== undefined) findings.push(textPage(i + 1, turn));
        else {
          const blank = isBlank(await openCv(), await renderPage(await openPdfJs(), i + 1, RENDER_DPI));
          findings.push({ page: i + 1, blank, warnings: [], proposals: blank ? { skip: true } : {} });
        }
      }
      const drawn = await (scanInk ?? ink());
      if (drawn) findings.at(-1)!.ink = drawn;
    }
    await pdfjs?.destroy();
    return findings;
  } finally {
    releaseInput(prepared);
  }
}

interface DecodedPage {
  decoded: DecodedPicture;
  /** A multi-page TIFF's page read in this process: its ink is scaled from these pixels. */
  raster?: TiffRaster;
}

/**
 * An image file's page decoded now: a multi-page TIFF's in this process where it can (see dossier/tiff-raster.ts),
 * else by sharp. A failure is kept for when it is awaited, not thrown unhandled.
 */
function decodeImageAhead(image: PreparedImage, index: number): Promise<DecodedPage | undefined> {
  if (index >= image.pages.length) return Promise.resolve(undefined);
  const decoding = (async () => {
    const raster = image.format === 'tiff' ? pagePixels(tiffPageData(image, index)) : undefined;
    if (raster) return { decoded: rasterPicture(raster), raster };
    const { input, page } = pageInput(image, index);
    return { decoded: await decodePicture(input, { page, exif: true }) };
  })();
  decoding.catch(() => undefined);
  return decoding;
}

async function inspectImage(file: string, kind: FileKind): Promise<PageFindings[]> {
  const image = await prepareImage(file, kind);
  const cv = await openCv();
  const findings: PageFindings[] = [];
  let upcoming = decodeImageAhead(image, 0);
  for (let i = 0; i < image.pages.length; i += 1) {
    const { decoded, raster } = (await upcoming)!;
    // The next page is decoded (by sharp, off this thread) while this one is looked at.
    upcoming = decodeImageAhead(image, i + 1);
    const { width, height } = image.pages[i]!;
    const across = (width / Math.max(width, height)) * INK_LONG_SIDE;
    const inking = inkOf(async () =>
      raster ? rasterColour(raster, across) : decodedColour(decoded.pixels, { width: across }),
    );
    const found = await analysePicture(cv, decoded.grey, { page: i + 1, isImage: true });
    const ink = await inking;
    findings.push(ink ? { ...found, ink } : found);
  }
  return findings;
}

/** Inspects every page of a file; a file that cannot be read comes back `failed: 'unreadable'` with no pages. */
export async function inspectFile(file: string): Promise<FileInspection> {
  const started = performance.now();
  try {
    const kind = sniffFile(file);
    // OpenCV (~1.3 s to load) only once a page needs looking at: a PDF of text never does.
    const pages = kind === 'pdf' ? await inspectPdf(file) : await inspectImage(file, kind);
    return { file, pages, ms: Math.round(performance.now() - started) };
  } catch {
    return { file, pages: [], failed: 'unreadable', ms: Math.round(performance.now() - started) };
  }
}
