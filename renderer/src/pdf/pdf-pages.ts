/**
 * pdf.js in the window: opens PDFs from bytes (its worker parses them off the UI thread) and renders small page
 * thumbnails, a few at a time, so a 300-page dossier never blocks a click.
 */
import {
  getDocument,
  GlobalWorkerOptions,
  PDFDataRangeTransport,
  PDFWorker,
  type PDFDocumentProxy,
  type RenderTask,
} from 'pdfjs-dist';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { markOnce } from './timing.ts';

GlobalWorkerOptions.workerSrc = workerUrl;

let warmWorker: PDFWorker | null = null;

/**
 * The pdf.js worker that reads documents read in parts (the dossier), started before there is a dossier to read:
 * fetching and compiling its 1.2 MB script takes a few hundred milliseconds that would otherwise come after 已生成.
 */
export function startPdfWorker(): PDFWorker {
  if (!warmWorker) {
    warmWorker = new PDFWorker();
    void warmWorker.promise.then(
      () => markOnce('pdf worker ready'),
      () => undefined,
    );
  }
  return warmWorker;
}

const documents = new Map<string, Promise<PDFDocumentProxy>>();

/** A PDF read a part at a time (a long dossier): its size, its first bytes, and a way to read any part. */
export interface PdfParts {
  size: number;
  first: Uint8Array;
  read: (from: number, length: number) => Promise<Uint8Array>;
}

/** A PDF's bytes, or its parts. */
export type PdfSource = Uint8Array | PdfParts;

/** pdf.js asks for ranges of this size (its default, 64 KiB, means many more calls through the API). */
const PART_SIZE = 256 * 1024;

function partsTransport(parts: PdfParts): PDFDataRangeTransport {
  const transport = new PDFDataRangeTransport(parts.size, parts.first);
  transport.requestDataRange = (begin: number, end: number) => {
    void parts.read(begin, end - begin).then((bytes) => transport.onDataRange(begin, bytes));
  };
  return transport;
}

/** How pdf.js opens a source; no eval either way (the CSP forbids it). */
function openingOf(source: PdfSource): DocumentInitParameters {
  // pdf.js hands a buffer to its worker, so it gets a copy.
  if (source instanceof Uint8Array) return { data: source.slice(), isEvalSupported: false };
  // Whole in its first part (a long dossier of text pages is under 1 MiB): nothing more to ask for.
  if (source.first.length >= source.size)
    return { data: source.first, worker: startPdfWorker(), isEvalSupported: false };
  // Parts are read only as pages need them (no fetching ahead).
  return {
    range: partsTransport(source),
    rangeChunkSize: PART_SIZE,
    disableAutoFetch: true,
    disableStream: true,
    worker: startPdfWorker(),
    isEvalSupported: false,
  };
}

/** Opens (once) the PDF known as `key`; `load` fetches its bytes, or the way to read its parts, through the API. */
export function openPdf(key: string, load: () => Promise<PdfSource>): Promise<PDFDocumentProxy> {
  let doc = documents.get(key);
  if (!doc) {
    const kind = key.split(':')[0];
    markOnce(`${kind} asked`);
    doc = load().then(async (source) => {
      markOnce(`${kind} read`);
      const opened = await getDocument(openingOf(source)).promise;
      markOnce(`${kind} opened`);
      return opened;
    });
    doc.catch(() => documents.delete(key));
    documents.set(key, doc);
  }
  return doc;
}

/** Closes a document that is no longer shown (a replaced dossier, a removed file). */
export function forgetPdf(key: string): void {
  const doc = documents.get(key);
  documents.delete(key);
  void doc?.then(
    (d) => d.destroy(),
    () => undefined,
  );
}

const MAX_RENDERS = 2;
let active = 0;
const waiting: (() => void)[] = [];

async function inSlot<T>(run: () => Promise<T>): Promise<T> {
  if (active >= MAX_RENDERS) await new Promise<void>((resolve) => waiting.push(resolve));
  active += 1;
  try {
    return await run();
  } finally {
    active -= 1;
    waiting.shift()?.();
  }
}

export interface ThumbnailJob {
  promise: Promise<void>;
  cancel: () => void;
}

/** Renders page `pageNumber` (from 1) into `canvas`, `cssWidth` pixels wide, turned `turn` degrees clockwise. */
export function renderThumbnail(
  doc: PDFDocumentProxy,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  cssWidth: number,
  turn = 0,
): ThumbnailJob {
  let task: RenderTask | null = null;
  let cancelled = false;
  const promise = inSlot(async () => {
    if (cancelled) return;
    const page = await doc.getPage(pageNumber);
    markOnce('thumbnail page');
    const rotation = (page.rotate + turn) % 360;
    const base = page.getViewport({ scale: 1, rotation });
    const scale = (cssWidth * Math.min(2, window.devicePixelRatio || 1)) / base.width;
    const viewport = page.getViewport({ scale, rotation });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    if (cancelled) return;
    task = page.render({ canvas, viewport });
    await task.promise;
    markOnce('thumbnail drawn');
  });
  return {
    promise,
    cancel: () => {
      cancelled = true;
      task?.cancel();
    },
  };
}
