import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { openPdf, type PdfSource } from '../pdf/pdf-pages.ts';
import { CSS_PX_PER_POINT, drawSketch, pageSize, renderPageView, type PageSize } from '../pdf/page-view.ts';
import { fitWidthZoom, MAX_ZOOM, MIN_ZOOM, nextZoom, zoomPercent } from '../pdf/zoom.ts';
import { PageJumpBox } from './PageJumpBox.tsx';
import './viewer.css';

interface Props {
  /** The document as `openPdf` knows it (`dossier:<jobId>`). */
  docKey: string;
  load: () => Promise<PdfSource>;
  pages: number;
  /** The page shown first (from 1). */
  initialPage: number;
  /** What the page is, e.g. "页码 12 · 服务合同", shown under the heading. */
  describe: (page: number) => string;
  /** The page's thumbnail, when one is drawn: shown stretched at once while the page is drawn sharp. */
  sketchOf?: (page: number) => HTMLCanvasElement | null;
  /** Controls for the page shown, beside it (e.g. turning the source page). */
  aside?: (page: number) => ReactNode;
  /** Closed (Esc, 关闭); `page` is the one shown last, so the caller can put the focus back on its thumbnail. */
  onClose: (page: number) => void;
}

type Zoom = { fit: true } | { fit: false; zoom: number };

const TABBABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex="0"]';

/** Tab past the last control comes back to the first (and Shift+Tab the other way): the browser would leave the page. */
function keepTabInside(dialog: HTMLDialogElement, e: KeyboardEvent) {
  const all = [...dialog.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.getClientRects().length > 0);
  const [first, last] = [all[0], all[all.length - 1]];
  if (!first || !last) return;
  const wrapTo = e.shiftKey
    ? document.activeElement === first
      ? last
      : null
    : document.activeElement === last
      ? first
      : null;
  if (!wrapTo) return;
  e.preventDefault();
  wrapTo.focus();
}

/**
 * A page large, in a modal dialog (the browser keeps the focus inside; Esc closes): 放大 / 缩小 / 适合宽度 and
 * Ctrl + wheel, 上一页 / 下一页 and the arrow keys, and a box to jump to any page.
 */
export function PageViewer({ docKey, load, pages, initialPage, describe, sketchOf, aside, onClose }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const areaRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [page, setPage] = useState(initialPage);
  const [zoom, setZoom] = useState<Zoom>({ fit: true });
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [size, setSize] = useState<PageSize | null>(null);
  const [areaWidth, setAreaWidth] = useState(0);
  const [state, setState] = useState<'opening' | 'drawing' | 'shown' | 'failed'>('opening');
  const [sketched, setSketched] = useState<number | null>(null);
  const pageRef = useRef(page);
  pageRef.current = page;
  const closed = useRef(false);
  const closeOnce = (last: number) => {
    if (closed.current) return;
    closed.current = true;
    onClose(last);
  };
  // Closed by unmounting (the caller drops the dialog), not by dialog.close(): the browser then has no focus to put
  // back, and the caller's focus on the last page's thumbnail stands.
  const closeHere = () => closeOnce(pageRef.current);

  // Before the first paint: the page's thumbnail below is sized to the open dialog.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    let gone = false;
    openPdf(docKey, load).then(
      (d) => !gone && setDoc(d),
      () => !gone && setState('failed'),
    );
    return () => {
      gone = true;
    };
    // `load` is a fresh closure each render; the key names the document.
  }, [docKey]);

  useEffect(() => {
    const area = areaRef.current;
    if (!area) return;
    const observer = new ResizeObserver(() => setAreaWidth(area.clientWidth));
    observer.observe(area);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!doc) return;
    let gone = false;
    pageSize(doc, page).then(
      (s) => !gone && setSize(s),
      () => !gone && setState('failed'),
    );
    return () => {
      gone = true;
    };
  }, [doc, page]);

  const fitZoom = size ? fitWidthZoom(size.width * CSS_PX_PER_POINT, areaWidth - 32) : 1;
  const shownZoom = zoom.fit ? fitZoom : zoom.zoom;
  const sketchWidthRef = useRef(0);
  sketchWidthRef.current = size && !zoom.fit ? size.width * CSS_PX_PER_POINT * shownZoom : 0;

  // A page opened or turned to shows at once, from its thumbnail, in the frame the click or key is answered in.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const sketch = sketchOf?.(page);
    const area = areaRef.current;
    if (!canvas || !sketch || !area) return;
    drawSketch(canvas, sketch, sketchWidthRef.current || area.clientWidth - 32);
    setSketched(page);
    // Only a new page is sketched; a zoom keeps the page shown until it is drawn again.
  }, [page]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!doc || !size || !canvas || areaWidth === 0) return;
    setState('drawing');
    const job = renderPageView(doc, page, canvas, shownZoom);
    job.promise.then(
      () => setState('shown'),
      (e: unknown) => {
        if ((e as { name?: string }).name !== 'RenderingCancelledException') setState('failed');
      },
    );
    return job.cancel;
  }, [doc, size, page, shownZoom, areaWidth]);

  const zoomBy = (direction: 1 | -1) => setZoom({ fit: false, zoom: nextZoom(shownZoom, direction) });
  const zoomByRef = useRef(zoomBy);
  zoomByRef.current = zoomBy;

  // Ctrl + wheel zooms; React's wheel listener is passive, so it could not stop the window's own zoom.
  useEffect(() => {
    const area = areaRef.current;
    if (!area) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      zoomByRef.current(e.deltaY < 0 ? 1 : -1);
    };
    area.addEventListener('wheel', onWheel, { passive: false });
    return () => area.removeEventListener('wheel', onWheel);
  }, []);

  const go = (to: number) => setPage(Math.min(pages, Math.max(1, to)));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Tab' && dialogRef.current) {
      keepTabInside(dialogRef.current, e);
      return;
    }
    if (e.target instanceof HTMLInputElement) return;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => go(page - 1),
      PageUp: () => go(page - 1),
      ArrowRight: () => go(page + 1),
      PageDown: () => go(page + 1),
      Home: () => go(1),
      End: () => go(pages),
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
      '0': () => setZoom({ fit: true }),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  return (
    <dialog
      ref={dialogRef}
      className="page-viewer"
      aria-labelledby="page-viewer-title"
      aria-describedby="page-viewer-what"
      onCancel={(e) => {
        if (!e.cancelable) return; // Chromium's close watcher may refuse; the dialog then closes by itself
        e.preventDefault();
        closeHere();
      }}
      onClose={() => {
        // Closed by the browser: its own closing steps put the focus back where the dialog was opened from, after
        // this event, so the caller's focus waits for them.
        const last = pageRef.current;
        setTimeout(() => closeOnce(last));
      }}
      onKeyDown={onKeyDown}
    >
      <header className="viewer-head">
        <h2 id="page-viewer-title">
          第 {page} 页 <span className="hint">（共 {pages} 页）</span>
        </h2>
        <p id="page-viewer-what" className="hint">
          {describe(page)}
        </p>
        <button type="button" className="secondary small" onClick={closeHere}>
          关闭
        </button>
      </header>
      <div className="viewer-tools" role="toolbar" aria-label="翻页和缩放">
        <button type="button" className="secondary small" disabled={page <= 1} onClick={() => go(page - 1)}>
          上一页
        </button>
        <PageJumpBox page={page} pages={pages} onJump={go} label="要看的页" />
        <button type="button" className="secondary small" disabled={page >= pages} onClick={() => go(page + 1)}>
          下一页
        </button>
        <span className="viewer-gap" />
        <button type="button" className="secondary small" disabled={shownZoom <= MIN_ZOOM} onClick={() => zoomBy(-1)}>
          缩小
        </button>
        <output className="zoom-level" aria-label="缩放比例">
          {zoomPercent(shownZoom)}
        </output>
        <button type="button" className="secondary small" disabled={shownZoom >= MAX_ZOOM} onClick={() => zoomBy(1)}>
          放大
        </button>
        <button
          type="button"
          className={zoom.fit ? 'small' : 'secondary small'}
          aria-pressed={zoom.fit}
          onClick={() => setZoom({ fit: true })}
        >
          适合宽度
        </button>
      </div>
      <div className="viewer-body">
        <div
          ref={areaRef}
          className="viewer-area"
          data-state={state}
          data-sketch={sketched === page && state !== 'shown' ? 'true' : undefined}
          tabIndex={0}
          role="region"
          aria-label="页面（可用 ↑ ↓ 滚动）"
        >
          <canvas ref={canvasRef} role="img" aria-label={`卷宗第 ${page} 页（放大查看）`} className="viewer-canvas" />
          {state === 'opening' && sketched !== page && <p className="viewer-note">正在打开卷宗…</p>}
          {state === 'failed' && (
            <p role="alert" className="field-error viewer-note">
              这一页显示不出来。请关闭后点「重新生成」，再打开查看。
            </p>
          )}
        </div>
        {aside && <aside className="viewer-aside">{aside(page)}</aside>}
      </div>
      <p className="hint viewer-keys">← → 翻页，+ − 缩放（或按住 Ctrl 滚动滚轮），0 适合宽度，Esc 关闭。</p>
    </dialog>
  );
}
