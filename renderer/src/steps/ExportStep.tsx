import { useState } from 'react';
import { sealPlan } from '#shared/dossier/seal-plan.ts';
import { call, errorMessage } from '../api.ts';
import { ChecklistView } from '../components/ChecklistView.tsx';
import { SaveMessageNote, type SaveMessage } from '../components/SavedFileActions.tsx';
import { SubmissionCard } from '../components/SubmissionCard.tsx';
import type { DossierJob } from '../hooks/use-dossier-job.ts';
import type { StepProps } from './step-props.ts';

const fileSafe = (name: string) => name.replace(/[\\/:*?"<>|]/g, '').trim() || '申报单位';

/** Step 6: export the dossier and the checklist, print the checklist, and the seal plan. */
export function ExportStep({ detail, profile, check, onStep, job }: StepProps & { job: DossierJob }) {
  const [message, setMessage] = useState<SaveMessage | null>(null);

  const status = job.status?.state === 'done' ? job.status : null;
  const pageMap = status?.pageMap ?? null;
  const rules = Object.fromEntries(profile.materials.map((m) => [m.id, m.seal]));
  const rows = pageMap ? sealPlan(pageMap, detail.options, rules) : [];
  const base = `${fileSafe(detail.applicant.name)}-${profile.title}`;

  const fail = (e: unknown) => setMessage({ tone: 'error', text: errorMessage(e) });
  async function run(action: () => Promise<string | { text: string; savedTo: string } | null>) {
    try {
      const done = await action();
      if (typeof done === 'string') setMessage({ tone: 'ok', text: done });
      else if (done) setMessage({ tone: 'ok', ...done });
    } catch (e) {
      fail(e);
    }
  }
  const save = (which: 'dossier' | 'checklist') =>
    run(async () => {
      if (!status) return null;
      const name = which === 'dossier' ? `${base}-申报材料` : `${base}-材料清单`;
      const { savedTo } = await call('dossier:saveAs', { jobId: status.jobId, which, suggestedName: name });
      if (!savedTo) return null;
      return { text: `已保存到 ${savedTo}`, savedTo };
    });
  const print = () =>
    run(async () => {
      const { printed } = await call('checklist:print', {});
      return printed ? '清单已送去打印。' : null;
    });
  const printDossier = () =>
    run(async () => {
      if (!status) return null;
      const { printed, openedInViewer } = await call('dossier:print', { jobId: status.jobId });
      if (openedInViewer) return '卷宗已在 PDF 阅读器中打开：请从那里打印，选“实际大小”。';
      return printed ? '卷宗已送去打印。' : null;
    });

  return (
    <>
      {!status && (
        <section className="card note-card">
          <p>还没有生成卷宗。导出和用印单需要先生成：</p>
          <button type="button" onClick={() => onStep('generate')}>
            到「生成与预览」生成卷宗
          </button>
        </section>
      )}
      <section className="card no-print" aria-labelledby="export-heading">
        <h3 id="export-heading">导出与打印</h3>
        <div className="button-row">
          <button type="button" disabled={!status} onClick={() => void save('dossier')}>
            导出卷宗 PDF
          </button>
          <button type="button" className="secondary" disabled={!status} onClick={() => void save('checklist')}>
            导出清单 PDF
          </button>
          <button type="button" className="secondary" disabled={!status} onClick={() => void printDossier()}>
            打印卷宗
          </button>
          <button type="button" className="secondary" onClick={() => void print()}>
            打印清单
          </button>
        </div>
        <p className="hint">
          卷宗 PDF 直接用 A4 纸{detail.options.duplex ? '双面' : '单面'}
          打印（打印设置选“实际大小”，不要“适合页面”）。打印后按下面的用印单盖章，再胶装成册。
        </p>
        {message && <SaveMessageNote message={message} onError={fail} />}
      </section>
      <SubmissionCard detail={detail} job={job} baseName={base} />
      <ChecklistView detail={detail} profile={profile} check={check} pageMap={pageMap} sealRows={rows} />
    </>
  );
}
