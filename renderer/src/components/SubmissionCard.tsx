import { useCallback, useEffect, useState } from 'react';
import type { ApplicationDetail, ReprintPlan, Submission } from '#shared/contract/index.ts';
import { call, errorMessage } from '../api.ts';
import type { DossierJob } from '../hooks/use-dossier-job.ts';
import { SaveMessageNote, type SaveMessage } from './SavedFileActions.tsx';

/** `2026-12-07`, the day in Shenzhen. */
function dayOf(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(new Date(iso));
}

interface Props {
  detail: ApplicationDetail;
  job: DossierJob;
  /** The start of the suggested file names (`单位-项目`). */
  baseName: string;
}

/**
 * 标记为已递交 and, once marked, what a later edit means for the paper: the sheets to reprint and re-stamp, with
 * 生成补打 PDF. The comparison is with the dossier generated last; a change after it asks for a new generation.
 */
export function SubmissionCard({ detail, job, baseName }: Props) {
  const applicationId = detail.application.id;
  const done = job.status?.state === 'done' ? job.status : null;
  const current = done !== null && job.startedFor === detail.application.updatedAt;
  const [submission, setSubmission] = useState<Submission | null>(null);
  const [plan, setPlan] = useState<ReprintPlan | null>(null);
  const [confirmUnmark, setConfirmUnmark] = useState(false);
  const [message, setMessage] = useState<SaveMessage | null>(null);
  const fail = (e: unknown) => setMessage({ tone: 'error', text: errorMessage(e) });

  const jobId = done?.jobId;
  const load = useCallback(async () => {
    try {
      const found = (await call('submission:get', { applicationId })).submission;
      setSubmission(found);
      setPlan(found && jobId ? await call('submission:reprintPlan', { applicationId, jobId }) : null);
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
  }, [applicationId, jobId]);
  useEffect(() => void load(), [load]);

  async function act(action: () => Promise<{ tone: 'ok'; text: string; savedTo?: string } | null>) {
    try {
      const result = await action();
      setMessage(result);
      await load();
    } catch (e) {
      fail(e);
    }
  }
  const mark = () =>
    act(async () => {
      if (!done) return null;
      const marked = await call('submission:mark', { applicationId, jobId: done.jobId });
      return { tone: 'ok', text: `已标记为已递交：这份卷宗（${marked.pages} 页、${marked.sheets} 张）已保存。` };
    });
  const unmark = () =>
    act(async () => {
      setConfirmUnmark(false);
      await call('submission:unmark', { applicationId });
      return { tone: 'ok', text: '已撤销递交标记。' };
    });
  const saveReprint = () =>
    act(async () => {
      if (!done) return null;
      const suggestedName = `${baseName}-补打-${dayOf(new Date().toISOString())}`;
      const { savedTo, sheets } = await call('reprint:saveAs', { applicationId, jobId: done.jobId, suggestedName });
      return savedTo ? { tone: 'ok', text: `补打 PDF（${sheets} 张）已保存到 ${savedTo}`, savedTo } : null;
    });

  return (
    <section className="card no-print" aria-labelledby="submission-heading">
      <h3 id="submission-heading">递交</h3>
      {!submission && (
        <>
          <p className="hint">
            纸质卷宗盖章递交后，点「标记为已递交」：卷宗会保存这一份，以后再改资料时，会告诉你哪几张纸要补打、重新盖章。
          </p>
          <button type="button" disabled={!current} onClick={() => void mark()}>
            标记为已递交
          </button>
          {!current && <p className="hint">请先在「生成与预览」生成最新的卷宗，打印后再标记。</p>}
        </>
      )}
      {submission && (
        <>
          <p role="status" className="ok-note">
            已于 {dayOf(submission.submittedAt)} 递交（共 {submission.pages} 页、{submission.sheets} 张）。
          </p>
          {!current && <p className="hint">递交后如有改动，请到「生成与预览」重新生成卷宗，这里会列出需要补打的张。</p>}
          {current && plan && <ReprintList plan={plan} onSave={() => void saveReprint()} />}
          <div className="button-row">
            {confirmUnmark ? (
              <>
                <span>撤销后，递交时的卷宗不再保留，无法再算出要补打哪几张。确定撤销？</span>
                <button type="button" className="secondary small" onClick={() => void unmark()}>
                  确定撤销
                </button>
                <button type="button" className="secondary small" onClick={() => setConfirmUnmark(false)}>
                  保留标记
                </button>
              </>
            ) : (
              <button type="button" className="secondary small" onClick={() => setConfirmUnmark(true)}>
                撤销递交标记
              </button>
            )}
          </div>
        </>
      )}
      {message && <SaveMessageNote message={message} onError={fail} />}
    </section>
  );
}

function ReprintList({ plan, onSave }: { plan: ReprintPlan; onSave: () => void }) {
  if (plan.unchanged) return <p className="hint">当前卷宗与递交的一致：不需要补打。</p>;
  return (
    <div className="reprint-plan" aria-label="需要补打的张">
      <p>递交后的改动影响了下面这些纸：请补打，按说明重新盖章，换下原来的张。</p>
      <ul>
        {plan.said.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {plan.sheets.length > 0 && (
        <button type="button" onClick={onSave}>
          生成补打 PDF
        </button>
      )}
    </div>
  );
}
