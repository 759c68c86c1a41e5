import { useLayoutEffect, useRef, useState } from 'react';
import type { AttachmentWithTurns, PageMap } from '#shared/contract/index.ts';
import { printedNumberOf, printedSheets, sectionOfPage } from '#shared/dossier/seal-plan.ts';
import { call } from '../api.ts';
import { forgetPdf, openPdf, type PdfParts } from '../pdf/pdf-pages.ts';
import { PageThumb } from './PageThumb.tsx';
import { PageViewer } from './PageViewer.tsx';
import { PreviewStretches } from './PreviewStretches.tsx';
import { SourcePageTurn } from './SourcePageTurn.tsx';
import { stretchesOf, stretchOf } from './preview-stretches.ts';
import './viewer.css';

interface Props {
  jobId: string;
  pageMap: PageMap;
  duplex: boolean;
  /** The application's files, to turn the file page behind a dossier page from the viewer. */
  attachments?: AttachmentWithTurns[];
  /** Materials or options changed since this dossier was generated. */
  stale?: boolean;
  /** A file page was turned from the viewer. */
  onSourceTurned?: () => void;
}

const PAGES_PER_STRETCH = 50;
const FIRST_PART = 1024 * 1024;

/** The dossier read a part at a time: a 1,200-page file never crosses over whole before its first page shows. */
async function dossierParts(jobId: string): Promise<PdfParts> {
  const read = (from: number, length: number) => call('dossier:read', { jobId, which: 'dossier', from, length });
  const head = await read(0, FIRST_PART);
  return { size: head.size, first: head.bytes, read: (from, length) => read(from, length).then((r) => r.bytes) };
}
const SHEETS_PER_STRETCH = 25;

function pageLabel(pageMap: PageMap, page: number): string {
  const number = printedNumberOf(pageMap, page);
  const section = sectionOfPage(pageMap, page);
  return number === null
    ? `第 ${page} 页：空白页（不编页码）`
    : `第 ${page} 页：页码 ${number}，${section?.title ?? ''}`;
}

function pageWhat(pageMap: PageMap, page: number): string {
  const number = printedNumberOf(pageMap, page);
  return number === null ? '空白页（不编页码）' : `页码 ${number} · ${sectionOfPage(pageMap, page)?.title ?? ''}`;
}

/**
 * The generated dossier as page thumbnails, or as the printed sheets with their fronts and backs, a stretch at a
 * time; a thumbnail opens the page large.
 */
export function DossierPreview({ jobId, pageMap, duplex, attachments = [], stale = false, onSourceTurned }: Props) {
  const [view, setView] = useState<'pages' | 'sheets'>('pages');
  const [stretch, setStretch] = useState(0);
  const [viewing, setViewing] = useState<number | null>(null);
  const [focusPage, setFocusPage] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const docKey = `dossier:${jobId}`;
  const load = () => dossierParts(jobId);
  const sheets = printedSheets(pageMap, duplex);
  const perStretch = view === 'pages' ? PAGES_PER_STRETCH : SHEETS_PER_STRETCH;
  const stretches = stretchesOf(view === 'pages' ? pageMap.pages : sheets.length, perStretch);
  const shown = stretches[Math.min(stretch, stretches.length - 1)] ?? { from: 0, to: -1 };
  const indexOfPage = (page: number) =>
    view === 'pages' ? page - 1 : sheets.findIndex((s) => s.front === page || s.back === page);

  /** Shows the stretch holding `page` and puts the focus on its thumbnail. */
  const reveal = (page: number) => {
    setStretch(stretchOf(indexOfPage(page), perStretch));
    setFocusPage(page);
  };
  // The dossier is read and opened at once (in the commit that shows 已生成, not after the browser has painted the
  // empty thumbnails), and stays open for the thumbnails and the page viewer until this preview goes.
  useLayoutEffect(() => {
    openPdf(docKey, () => dossierParts(jobId)).catch(() => undefined); // each thumbnail shows its own failure
    return () => forgetPdf(docKey);
  }, [docKey, jobId]);
  // Before the browser paints: the closing dialog has just put the focus back where it was opened from.
  useLayoutEffect(() => {
    if (focusPage === null) return;
    const button = listRef.current?.querySelector<HTMLButtonElement>(`[data-preview-page="${focusPage}"]`);
    button?.scrollIntoView({ block: 'nearest' });
    button?.focus();
    setFocusPage(null);
  }, [focusPage, stretch]);

  const thumb = (page: number) => (
    <button
      type="button"
      className="thumb-button"
      data-preview-page={page}
      title="点击放大查看"
      onClick={() => setViewing(page)}
    >
      <PageThumb docKey={docKey} load={load} page={page} width={120} label={pageLabel(pageMap, page)} />
    </button>
  );
  const caption = (page: number) => {
    const n = printedNumberOf(pageMap, page);
    return n === null ? '空白' : `页码 ${n}`;
  };
  const switchTo = (next: 'pages' | 'sheets') => {
    setView(next);
    setStretch(0);
  };
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <section className="card" aria-labelledby="preview-heading">
      <h3 id="preview-heading">预览</h3>
      <div className="view-switch" role="group" aria-label="预览方式">
        <button
          type="button"
          className={view === 'pages' ? '' : 'secondary'}
          aria-pressed={view === 'pages'}
          onClick={() => switchTo('pages')}
        >
          逐页
        </button>
        <button
          type="button"
          className={view === 'sheets' ? '' : 'secondary'}
          aria-pressed={view === 'sheets'}
          onClick={() => switchTo('sheets')}
        >
          按纸张（{duplex ? '正面 / 背面' : '单面'}）
        </button>
      </div>
      <PreviewStretches
        stretches={stretches.map((s) =>
          view === 'pages'
            ? { first: s.from + 1, last: s.to + 1, unit: '页' }
            : { first: sheets[s.from]!.sheet, last: sheets[s.to]!.sheet, unit: '张' },
        )}
        current={Math.min(stretch, stretches.length - 1)}
        onChoose={setStretch}
        pages={pageMap.pages}
        firstPage={view === 'pages' ? shown.from + 1 : (sheets[shown.from]?.front ?? 1)}
        onJump={reveal}
      />
      <p className="hint">点缩略图（或选中后按 Enter）放大查看这一页。</p>
      {view === 'pages' ? (
        <ol ref={listRef} className="preview-grid" aria-label="卷宗各页" start={shown.from + 1}>
          {range(shown.from + 1, shown.to + 1).map((page) => (
            <li key={page} className="preview-cell">
              {thumb(page)}
              <span className="hint">{caption(page)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <ol ref={listRef} className="sheet-grid" aria-label="打印出的纸张" start={shown.from + 1}>
          {sheets.slice(shown.from, shown.to + 1).map((s) => (
            <li key={s.sheet} className="sheet-cell">
              <span className="sheet-title">第 {s.sheet} 张</span>
              <div className="sheet-sides">
                <figure>
                  {thumb(s.front)}
                  <figcaption>正面 · {caption(s.front)}</figcaption>
                </figure>
                {duplex && (
                  <figure>
                    {s.back ? thumb(s.back) : <span className="thumb thumb-placeholder">（无）</span>}
                    <figcaption>背面 · {s.back ? caption(s.back) : '空'}</figcaption>
                  </figure>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {viewing !== null && (
        <PageViewer
          docKey={docKey}
          load={load}
          pages={pageMap.pages}
          initialPage={viewing}
          describe={(page) => pageWhat(pageMap, page)}
          sketchOf={(page) =>
            listRef.current?.querySelector<HTMLCanvasElement>(`[data-preview-page="${page}"] .thumb-done canvas`) ??
            null
          }
          aside={(page) => (
            <SourcePageTurn
              key={page}
              entry={pageMap.pageList?.find((e) => e.physical === page)}
              attachments={attachments}
              stale={stale}
              onTurned={() => onSourceTurned?.()}
            />
          )}
          onClose={(page) => {
            setViewing(null);
            reveal(page);
          }}
        />
      )}
    </section>
  );
}
