/**
 * One PDF page drawn large for the page viewer: sharp at the screen's pixel ratio, outside the thumbnails' queue
 * (the page the clerk asked for comes before the thumbnails still waiting).
 */
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';

/** CSS pixels per PDF point at 100 % (a page shown at its printed size on a 96-dpi screen). */
export const CSS_PX_PER_POINT = 96 / 72;

/** Chromium refuses (draws nothing on) canvases much larger than this; memory also grows with it. */
const MAX_CANVAS_PIXELS = 24_000_000;

export interface PageSize {
  /** In PDF points, as shown (after the page's own /Rotate). */
  width: number;
  height: number;
}

/** The page's size as shown, in points. */
export async function pageSize(doc: PDFDocumentProxy, pageNumber: number): Promise<PageSize> {
  const page = await doc.getPage(pageNumber);
  const { width, height } = page.getViewport({ scale: 1 });
  return { width, height };
}

export interface PageViewJob {
  promise: Promise<void>;
  cancel: () => void;
}

/** Draws page `pageNumber` into `canvas` at `zoom` (1 = 100 %), using every device pixel the screen has. */
export function renderPageView(
  doc: PDFDocumentProxy,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  zoom: number,
): PageViewJob {
  let task: RenderTask | null = null;
  let cancelled = false;
  const promise = (async () => {
    const page = await doc.getPage(pageNumber);
    const css = page.getViewport({ scale: zoom * CSS_PX_PER_POINT });
    const wanted = window.devicePixelRatio || 1;
    const ratio = Math.min(wanted, Math.sqrt(MAX_CANVAS_PIXELS / (css.width * css.height)));
    const viewport = page.getViewport({ scale: zoom * CSS_PX_PER_POINT * ratio });
    if (cancelled) return;
    // Drawn off screen, then copied: the page shown stays until the new one is ready, and a canvas whose
    // cancelled render is still winding down is never drawn on twice (pdf.js refuses that).
    const drawn = document.createElement('canvas');
    drawn.width = Math.floor(viewport.width);
    drawn.height = Math.floor(viewport.height);
    task = page.render({ canvas: drawn, viewport });
    await task.promise;
    if (cancelled) return;
    canvas.width = drawn.width;
    canvas.height = drawn.height;
    canvas.style.width = `${Math.floor(css.width)}px`;
    canvas.style.height = `${Math.floor(css.height)}px`;
    canvas.getContext('2d')!.drawImage(drawn, 0, 0);
    drawn.width = 0; // frees its pixels now rather than at the next garbage collection
  })();
  return {
    promise,
    cancel: () => {
      cancelled = true;
      task?.cancel();
    },
  };
}

/**
 * Shows `sketch` (the page's thumbnail, already drawn) stretched to `cssWidth` at once, so the page is there the
 * moment it is asked for; `renderPageView` then draws it sharp over it.
 */
export function drawSketch(canvas: HTMLCanvasElement, sketch: HTMLCanvasElement, cssWidth: number): void {
  canvas.width = sketch.width;
  canvas.height = sketch.height;
  canvas.style.width = `${Math.floor(cssWidth)}px`;
  canvas.style.height = `${Math.floor((cssWidth * sketch.height) / sketch.width)}px`;
  canvas.getContext('2d')!.drawImage(sketch, 0, 0);
}
