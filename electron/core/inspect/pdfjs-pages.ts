/**
 * pdfjs for the pages that are not scans: which way their text runs, and, for a page without text, a rendering to
 * see whether it is blank. pdfjs draws with @napi-rs/canvas under Node (its own dependency).
 */
import fs from 'node:fs';
import type { QuarterTurn } from '#shared/page-findings.ts';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Picture } from './picture.ts';

type PdfJs = typeof PdfJsModule;
type PdfJsDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let pdfjs: Promise<PdfJs> | undefined;

export async function openWithPdfJs(file: string): Promise<PdfJsDocument> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const lib = await pdfjs;
  const data = new Uint8Array(fs.readFileSync(file));
  return lib.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 })
    .promise;
}

interface TextItemLike {
  str?: string;
  transform?: number[];
}

/**
 * The clockwise turn of the page's text as shown (0 when it reads left to right, upright), by the direction most
 * of its characters run; undefined when the page has no text.
 */
export async function textTurn(doc: PdfJsDocument, pageNumber: number): Promise<QuarterTurn | undefined> {
  const page = await doc.getPage(pageNumber);
  const content = await page.getTextContent();
  const votes = new Map<QuarterTurn, number>();
  for (const item of content.items as TextItemLike[]) {
    const chars = item.str?.trim().length ?? 0;
    if (!chars || !item.transform) continue;
    const [a, b] = item.transform as [number, number];
    // Anticlockwise angle of the text in user space; the page's /Rotate turns it clockwise as shown.
    const angle = Math.round((Math.atan2(b, a) * 180) / Math.PI / 90) * 90;
    const turn = ((((page.rotate - angle) % 360) + 360) % 360) as QuarterTurn;
    votes.set(turn, (votes.get(turn) ?? 0) + chars);
  }
  if (votes.size === 0) return undefined;
  return [...votes.entries()].sort((x, y) => y[1] - x[1])[0]![0];
}

/** The page rendered in grey at `dpi`, as shown. */
export async function renderPage(doc: PdfJsDocument, pageNumber: number, dpi: number): Promise<Picture> {
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.max(1, Math.round(viewport.width));
  const height = Math.max(1, Math.round(viewport.height));
  const factory = (
    doc as unknown as {
      canvasFactory: { create(w: number, h: number): { canvas: unknown; context: CanvasRenderingContext2D } };
    }
  ).canvasFactory;
  const { canvas, context } = factory.create(width, height);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({ canvasContext: context, viewport, canvas: canvas as HTMLCanvasElement }).promise;
  const rgba = context.getImageData(0, 0, width, height).data;
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i += 1) data[i] = Math.min(rgba[i * 4]!, rgba[i * 4 + 1]!, rgba[i * 4 + 2]!);
  page.cleanup();
  return { data, width, height, sourceDpi: Infinity, dpi };
}
