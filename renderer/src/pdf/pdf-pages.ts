/**
 * pdf.js in the window: opens PDFs from bytes (its worker parses them off the UI thread) and renders small page
 * thumbnails, a few at a time, so a 300-page dossier never blocks a click.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

const documents = new Map<string, Promise<PDFDocumentProxy>>();

/** Opens (once) the PDF known as `key`; `load` fetches its bytes through the API. */
export function openPdf(key: string, load: () => Promise<Uint8Array>): Promise<PDFDocumentProxy> {
  let doc = documents.get(key);
  if (!doc) {
    // pdf.js hands the buffer to its worker, so it gets a copy; no eval (the CSP forbids it).
    doc = load().then((bytes) => getDocument({ data: bytes.slice(), isEvalSupported: false }).promise);
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
    const rotation = (page.rotate + turn) % 360;
    const base = page.getViewport({ scale: 1, rotation });
    const scale = (cssWidth * Math.min(2, window.devicePixelRatio || 1)) / base.width;
    const viewport = page.getViewport({ scale, rotation });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    if (cancelled) return;
    task = page.render({ canvas, viewport });
    await task.promise;
  });
  return {
    promise,
    cancel: () => {
      cancelled = true;
      task?.cancel();
    },
  };
}
