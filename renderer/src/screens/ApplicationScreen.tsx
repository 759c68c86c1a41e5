import { useEffect, useRef } from 'react';
import { useApplication, type ApplicationState } from '../hooks/use-application.ts';
import { useSavesPending } from '../hooks/use-autosave.ts';
import { useDossierJob } from '../hooks/use-dossier-job.ts';
import { useProfile } from '../hooks/use-profiles.ts';
import { SampleBadge } from '../first-run/SampleBadge.tsx';
import { StepHelp } from '../help/StepHelp.tsx';
import { ApplicantStep } from '../steps/ApplicantStep.tsx';
import { ConditionsStep } from '../steps/ConditionsStep.tsx';
import { ContractStep } from '../steps/ContractStep.tsx';
import { ExportStep } from '../steps/ExportStep.tsx';
import { GenerateStep } from '../steps/GenerateStep.tsx';
import { MaterialsStep } from '../steps/MaterialsStep.tsx';
import { stepOfFinding, steps, type StepId } from '../steps/steps.ts';

interface Props {
  applicationId: number;
  step: StepId;
  onStep: (step: StepId) => void;
  onApplicantChanged: () => void;
}

/** What the save note says: never "已自动保存" while something on screen is not saved. */
function saveNote(app: ApplicationState, pending: boolean): { text: string; tone: string } {
  if (app.unsaved.length) return { text: `未保存：${app.unsaved.join('；')}。`, tone: 'error' };
  if (app.error || Object.keys(app.fieldErrors).length)
    return { text: '有修改没有保存：请看标红的输入框。', tone: 'error' };
  if (pending || app.saving > 0) return { text: '正在保存…', tone: '' };
  return { text: app.savedAt ? `已自动保存 ${app.savedAt}` : '所填内容会自动保存', tone: '' };
}

/** 上一步 / 下一步 at the foot of each step, naming where they lead. */
function StepPager({ current, onStep }: { current: number; onStep: (step: StepId) => void }) {
  const previous = steps[current - 1];
  const next = steps[current + 1];
  return (
    <nav className="step-pager" aria-label="上一步和下一步">
      {previous && (
        <button type="button" className="secondary" onClick={() => onStep(previous.id)}>
          上一步：{previous.label}
        </button>
      )}
      {next && (
        <button type="button" className="next-step" onClick={() => onStep(next.id)}>
          下一步：{next.label}
        </button>
      )}
    </nav>
  );
}

/** One application as six steps the clerk moves between freely; every change is saved as it is made. */
export function ApplicationScreen({ applicationId, step, onStep, onApplicantChanged }: Props) {
  const app = useApplication(applicationId);
  const pending = useSavesPending();
  const job = useDossierJob();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { detail, check } = app;
  const { profile, error: profileError } = useProfile(detail?.application.profileId);

  useEffect(() => {
    headingRef.current?.focus();
  }, [step]);

  if (!detail) {
    return (
      <main className="app-main">
        {app.error ? (
          <p role="alert" className="field-error">
            {app.error}
          </p>
        ) : (
          <p className="hint">正在读取申报项目…</p>
        )}
      </main>
    );
  }
  if (!profile) {
    return (
      <main className="app-main">
        {profileError ? (
          <p role="alert" className="field-error">
            {profileError}
          </p>
        ) : (
          <p className="hint">正在读取申报方案…</p>
        )}
      </main>
    );
  }
  const errorsByStep = new Map<StepId, number>();
  for (const f of check?.findings ?? []) {
    const s = f.severity === 'error' ? stepOfFinding(f, profile) : null;
    if (s) errorsByStep.set(s, (errorsByStep.get(s) ?? 0) + 1);
  }
  const current = steps.find((s) => s.id === step)!;
  const note = saveNote(app, pending);
  const props = { app, detail, profile, check, onStep };

  return (
    <div className="app-body">
      <nav className="sidebar steps-nav" aria-label="申报步骤">
        <h2>
          {detail.applicant.name}
          <SampleBadge applicant={detail.applicant} />
        </h2>
        <p className="hint">{profile.title}</p>
        <div className="steps-sticky">
          <ol className="steps">
            {steps.map((s, i) => {
              const errors = errorsByStep.get(s.id) ?? 0;
              return (
                <li key={s.id}>
                  <button
                    type="button"
                    className={s.id === step ? 'selected' : ''}
                    aria-current={s.id === step ? 'step' : undefined}
                    onClick={() => onStep(s.id)}
                  >
                    <span className="step-number">{i + 1}</span>
                    <span className="step-label">{s.label}</span>
                    {errors > 0 && (
                      <span className="step-errors" aria-label={`${errors} 个问题`}>
                        {errors}
                      </span>
                    )}
                    {s.id === 'generate' && job.status?.state === 'running' && (
                      <span className="step-busy">生成中</span>
                    )}
                  </button>
                </li>
              );
            })}
          </ol>
          <p className={`save-note ${note.tone}`} role="status">
            {note.text}
          </p>
        </div>
      </nav>
      <main className="app-main step-main">
        <div className="step-head">
          <h2 className="step-heading" tabIndex={-1} ref={headingRef}>
            第 {steps.indexOf(current) + 1} 步 · {current.label}
          </h2>
          <StepHelp step={step} profile={profile} />
        </div>
        {app.error && (
          <div role="alert" className="banner-inline error step-alert">
            <span>{app.error}</span>
            <button type="button" className="secondary small" onClick={app.dismissError}>
              知道了
            </button>
          </div>
        )}
        {step === 'applicant' && <ApplicantStep {...props} onApplicantChanged={onApplicantChanged} />}
        {step === 'conditions' && <ConditionsStep {...props} />}
        {step === 'contract' && <ContractStep {...props} />}
        {step === 'materials' && <MaterialsStep {...props} />}
        {step === 'generate' && <GenerateStep {...props} job={job} />}
        {step === 'export' && <ExportStep {...props} job={job} />}
        <StepPager current={steps.indexOf(current)} onStep={onStep} />
      </main>
    </div>
  );
}
