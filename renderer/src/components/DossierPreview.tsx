import { useState } from 'react';
import type { PageMap } from '#shared/contract/index.ts';
import { printedNumberOf, printedSheets, sectionOfPage } from '#shared/dossier/seal-plan.ts';
import { call } from '../api.ts';
import { PageThumb } from './PageThumb.tsx';

interface Props {
  jobId: string;
  pageMap: PageMap;
  duplex: boolean;
}

function pageLabel(pageMap: PageMap, page: number): string {
  const number = printedNumberOf(pageMap, page);
  const section = sectionOfPage(pageMap, page);
  return number === null
    ? `第 ${page} 页：空白页（不编页码）`
    : `第 ${page} 页：页码 ${number}，${section?.title ?? ''}`;
}

/** The generated dossier as page thumbnails, or as the printed sheets with their fronts and backs. */
export function DossierPreview({ jobId, pageMap, duplex }: Props) {
  const [view, setView] = useState<'pages' | 'sheets'>('pages');
  const docKey = `dossier:${jobId}`;
  const load = () => call('dossier:content', { jobId, which: 'dossier' }).then((c) => c.bytes);
  const thumb = (page: number) => (
    <PageThumb docKey={docKey} load={load} page={page} width={120} label={pageLabel(pageMap, page)} />
  );
  const caption = (page: number) => {
    const n = printedNumberOf(pageMap, page);
    return n === null ? '空白' : `页码 ${n}`;
  };
  return (
    <section className="card" aria-labelledby="preview-heading">
      <h3 id="preview-heading">预览</h3>
      <div className="view-switch" role="group" aria-label="预览方式">
        <button
          type="button"
          className={view === 'pages' ? '' : 'secondary'}
          aria-pressed={view === 'pages'}
          onClick={() => setView('pages')}
        >
          逐页
        </button>
        <button
          type="button"
          className={view === 'sheets' ? '' : 'secondary'}
          aria-pressed={view === 'sheets'}
          onClick={() => setView('sheets')}
        >
          按纸张（{duplex ? '正面 / 背面' : '单面'}）
        </button>
      </div>
      {view === 'pages' ? (
        <ol className="preview-grid" aria-label="卷宗各页">
          {Array.from({ length: pageMap.pages }, (_, i) => i + 1).map((page) => (
            <li key={page} className="preview-cell">
              {thumb(page)}
              <span className="hint">{caption(page)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <ol className="sheet-grid" aria-label="打印出的纸张">
          {printedSheets(pageMap, duplex).map((s) => (
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
    </section>
  );
}
