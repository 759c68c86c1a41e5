import { useEffect } from 'react';
import type { DossierOptions as Options } from '#shared/manifest.ts';
import { pageRange } from '#shared/dossier/material-status.ts';
import { printedSheets } from '#shared/dossier/seal-plan.ts';
import { call } from '../api.ts';
import { DossierOptions } from '../components/DossierOptions.tsx';
import { DossierPreview } from '../components/DossierPreview.tsx';
import { FindingList } from '../components/FindingList.tsx';
import type { DossierJob } from '../hooks/use-dossier-job.ts';
import { startPdfWorker } from '../pdf/pdf-pages.ts';
import type { StepProps } from './step-props.ts';

/** Step 5: options, generation off the window's thread with progress and cancel, the preview and the contents. */
export function GenerateStep({ app, detail, check, job }: StepProps & { job: DossierJob }) {
  const applicationId = detail.application.id;
  const status = job.status;
  const running = status?.state === 'running';
  const setOptions = (options: Partial<Options>) =>
    void app.change(() => call('applications:setOptions', { applicationId, options }));
  const stale = status?.state === 'done' && job.startedFor !== detail.application.updatedAt;
  const standing = (check?.findings ?? []).filter((f) => f.severity !== 'info');
  // pdf.js starts while the clerk sets the options and the dossier is made, not after 已生成.
  useEffect(() => void startPdfWorker(), []);

  return (
    <>
      <DossierOptions options={detail.options} onChange={setOptions} disabled={running} />
      <section className="card" aria-labelledby="generate-heading">
        <h3 id="generate-heading">生成卷宗</h3>
        <p className="hint">
          把封面、目录和各项材料排成一份可直接打印的 PDF，连续编页码。生成在后台进行，期间可以切换到其他步骤。
        </p>
        <div className="generate-row">
          <button
            type="button"
            disabled={running}
            onClick={() => void job.start(applicationId, detail.application.updatedAt)}
          >
            {status?.state === 'done' ? '重新生成' : '生成卷宗'}
          </button>
          {running && (
            <button type="button" className="secondary" onClick={() => void job.cancel()}>
              取消生成
            </button>
          )}
        </div>
        {running && (
          <div className="progress-box" role="status">
            <progress max={status.total || 1} value={status.done} aria-label="生成进度" />
            <span>{status.total ? `正在排版：第 ${status.done} / ${status.total} 页` : '正在准备材料…'}</span>
          </div>
        )}
        {status?.state === 'done' && status.pageMap && (
          <p role="status" className="ok-note">
            已生成：共 {status.pageMap.pages} 页，{detail.options.duplex ? '双面' : '单面'}打印用纸{' '}
            {printedSheets(status.pageMap, detail.options.duplex).length} 张。
          </p>
        )}
        {stale && <p className="note">生成之后又改动了材料或选项，预览的是改动前的卷宗。请点「重新生成」。</p>}
        {status?.state === 'cancelled' && (
          <p role="status" className="note">
            已取消生成，没有留下半成品。需要时再点「生成卷宗」。
          </p>
        )}
        {status?.state === 'failed' && (
          <p role="alert" className="field-error">
            生成失败：{status.error?.message}
          </p>
        )}
        {job.error && (
          <p role="alert" className="field-error">
            {job.error}
          </p>
        )}
      </section>
      {status?.state === 'done' && status.pageMap && (
        <>
          <section className="card" aria-labelledby="contents-heading">
            <h3 id="contents-heading">目录</h3>
            <table className="contents">
              <thead>
                <tr>
                  <th scope="col">内容</th>
                  <th scope="col">页码</th>
                </tr>
              </thead>
              <tbody>
                {status.pageMap.sections.map((s) => (
                  <tr key={s.id}>
                    <td>{s.title}</td>
                    <td>{pageRange(s.firstNumber, s.lastNumber)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {status.pageMap.warnings.length > 0 && (
              <ul className="findings">
                {status.pageMap.warnings.map((w) => (
                  <li key={w} className="finding warning">
                    {w}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <DossierPreview
            key={status.jobId}
            jobId={status.jobId}
            pageMap={status.pageMap}
            duplex={detail.options.duplex}
            attachments={detail.attachments}
            stale={stale}
            onSourceTurned={() => void app.reload()}
          />
        </>
      )}
      <section className="card" aria-labelledby="standing-heading">
        <h3 id="standing-heading">仍待处理的问题</h3>
        <FindingList findings={standing} empty="没有待处理的问题。" label="仍待处理的问题" />
      </section>
    </>
  );
}
