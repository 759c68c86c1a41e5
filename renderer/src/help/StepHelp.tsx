import { useEffect, useRef, useState } from 'react';
import type { Profile } from '#shared/profiles/index.ts';
import { steps, type StepId } from '../steps/steps.ts';
import { stepHelp } from './step-help.ts';
import '../first-run/first-run.css';

interface Props {
  step: StepId;
  profile: Profile;
}

/**
 * 「这一步怎么填？」beside a step's heading, opening that step's help as a modal dialog: the browser keeps focus
 * inside it, Esc closes it, and focus goes back to the button.
 */
export function StepHelp({ step, profile }: Props) {
  const [open, setOpen] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const label = steps.find((s) => s.id === step)!.label;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
  }, [open]);

  const page = open ? stepHelp(step, profile) : null;
  return (
    <>
      <button type="button" className="link step-help-open" onClick={() => setOpen(true)}>
        这一步怎么填？
      </button>
      {page && (
        <dialog ref={dialogRef} className="step-help" aria-labelledby="step-help-title" onClose={() => setOpen(false)}>
          <header className="step-help-head">
            <h2 id="step-help-title">「{label}」这一步怎么填</h2>
            <button type="button" className="secondary small" onClick={() => dialogRef.current?.close()} autoFocus>
              关闭
            </button>
          </header>
          <p>{page.intro}</p>
          {page.terms.length > 0 && (
            <section aria-label="名词解释">
              <h3>名词解释</h3>
              <dl className="help-terms">
                {page.terms.map((t) => (
                  <div key={t.term}>
                    <dt>{t.term}</dt>
                    <dd>{t.meaning}</dd>
                  </div>
                ))}
              </dl>
            </section>
          )}
          <section aria-label="规定和指南原文">
            <h3>规定和指南原文</h3>
            <ul className="help-rules">
              {page.rules.map((r) => (
                <li key={`${r.rule}|${r.quote}`}>
                  <p>{r.rule}</p>
                  <blockquote>
                    指南原文：<q>{r.quote}</q>
                  </blockquote>
                </li>
              ))}
            </ul>
          </section>
          <p className="hint">按 Esc 或点「关闭」回到这一步。</p>
        </dialog>
      )}
    </>
  );
}
