/**
 * The figure or date a condition is judged by, entered where the condition is read: 成立日期 for 成立满N年,
 * a number with the profile's unit for a threshold (收入、人数、占比), a date for a dated condition (首次销售合同).
 */
import { useEffect, useState } from 'react';
import type { ApplicationFacts } from '#shared/contract/index.ts';
import { toHalfWidth } from '#shared/half-width.ts';
import type { ProfileCondition } from '#shared/profiles/index.ts';
import { call } from '../api.ts';
import type { StepProps } from '../steps/step-props.ts';
import { DateInput } from './DateInput.tsx';

type Threshold = Extract<ProfileCondition['test'], { kind: 'threshold' }>;
type Props = Pick<StepProps, 'app' | 'detail' | 'check'> & { condition: ProfileCondition };

const COMPARE_WORDS = { '>=': '不低于', '>': '高于', '<=': '不高于', '<': '低于' } as const;

/** Where the check reports on this figure (the same subjects as shared/rules/conditions.ts). */
function subjectOf(condition: ProfileCondition): string | undefined {
  const t = condition.test;
  if (t.kind === 'dated') return `events.${t.subject}`;
  if (t.kind !== 'threshold') return undefined;
  return t.fact === 'yearsEstablished' ? 'applicant.established' : `applicant.facts.${t.shareOf ?? t.fact}`;
}

/** The figure's current value in the stored facts. */
function figureOf(facts: ApplicationFacts, t: Threshold): number | undefined {
  if (t.fact === 'revenueYuan') return facts.revenueYuan;
  if (t.fact === 'employees') return facts.employees;
  return t.shareOf ? facts.shares?.[t.shareOf] : undefined;
}

/** The facts with this figure set (or removed when `value` is undefined). */
function withFigure(facts: ApplicationFacts, t: Threshold, value: number | undefined): ApplicationFacts {
  if (t.fact === 'share') {
    const shares = { ...facts.shares };
    if (value === undefined) delete shares[t.shareOf ?? ''];
    else shares[t.shareOf ?? ''] = value;
    return { ...facts, shares };
  }
  const key = t.fact === 'revenueYuan' ? 'revenueYuan' : 'employees';
  const next = { ...facts };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** What the clerk typed as a number (full-width digits, thousands commas allowed), or why it cannot be one. */
export function parseFigure(typed: string, t: Threshold): { value: number | undefined } | { problem: string } {
  const text = toHalfWidth(typed).replace(/[,，\s]/g, '');
  if (text === '') return { value: undefined };
  const value = Number(text);
  const example = t.fact === 'share' ? '35' : t.fact === 'employees' ? '25' : '25000000';
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(value))
    return { problem: `“${t.label}”请填写数字（单位：${t.unit}），如 ${example}。` };
  if (t.fact === 'employees' && !Number.isInteger(value)) return { problem: `“${t.label}”是人数，请填写整数。` };
  if (t.fact === 'share' && value > 100) return { problem: `“${t.label}”是百分数，请填写 0 到 100 之间的数。` };
  return { value };
}

/** The input for the figure or date this condition is judged by; nothing for a yes/no question. */
export function ConditionFact(props: Props) {
  const t = props.condition.test;
  if (t.kind === 'dated') return <EventDate {...props} subject={t.subject} label={t.subjectLabel} />;
  if (t.kind !== 'threshold') return null;
  if (t.fact === 'yearsEstablished') return <EstablishedDate {...props} test={t} />;
  return <Figure {...props} test={t} />;
}

interface CheckNote {
  text: string;
  /** Not met (an error of the call's rules) rather than not yet filled in (a hint). */
  isError: boolean;
}

/** The check's word on this figure (不满足 / 还没有填写), shown at the field. */
function checkNoteOf({ check, condition }: Props): CheckNote | undefined {
  const subject = subjectOf(condition);
  const finding = check?.findings.find((f) => f.subject === subject && f.severity !== 'info');
  return finding && { text: finding.message, isError: finding.code === 'condition-not-met' };
}

function Hint({ note }: { note: CheckNote | undefined }) {
  return note && !note.isError ? <small className="live-note hint">{note.text}</small> : null;
}

function Figure(props: Props & { test: Threshold }) {
  const { app, detail, test: t, condition } = props;
  const stored = figureOf(detail.facts, t);
  const [text, setText] = useState(stored === undefined ? '' : String(stored));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setText(stored === undefined ? '' : String(stored)), [stored]);
  const field = `facts.${condition.id}`;
  const checkNote = checkNoteOf(props);
  const wrong = problem ?? app.fieldErrors[field] ?? (checkNote?.isError ? checkNote.text : undefined);
  const id = `fact-${condition.id}`;
  const save = () => {
    const parsed = parseFigure(text, t);
    if ('problem' in parsed) {
      setProblem(parsed.problem);
      app.setUnsaved(field, [`“${t.label}”填写有误，还没有保存`]);
      return;
    }
    setProblem(null);
    app.setUnsaved(field, []);
    if (parsed.value === stored) return;
    const facts = withFigure(detail.facts, t, parsed.value);
    void app.change(() => call('applications:setFacts', { applicationId: detail.application.id, facts }), field);
  };
  return (
    <div className="field condition-fact">
      <label htmlFor={id}>
        {t.label}（要求{COMPARE_WORDS[t.compare]} {t.value.toLocaleString('zh-CN')} {t.unit}）
      </label>
      <span className="fact-entry">
        <input
          id={id}
          name={id}
          inputMode="decimal"
          autoComplete="off"
          value={text}
          aria-invalid={wrong ? true : undefined}
          aria-describedby={wrong ? `${id}-note` : undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={save}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
          }}
        />
        <span className="unit">{t.unit}</span>
      </span>
      {wrong ? (
        <small id={`${id}-note`} className="live-note error">
          {wrong}
        </small>
      ) : (
        <Hint note={checkNote} />
      )}
    </div>
  );
}

function EstablishedDate(props: Props & { test: Threshold }) {
  const { app, detail, test: t, condition } = props;
  const id = `fact-${condition.id}`;
  const checkNote = checkNoteOf(props);
  const save = (iso: string | null) =>
    void app.change(async () => {
      await call('applicants:update', { id: detail.applicant.id, changes: { established: iso } });
      return call('applications:get', { id: detail.application.id });
    }, 'established');
  return (
    <div className="field condition-fact">
      <label htmlFor={id}>
        成立日期（{t.label}要求{COMPARE_WORDS[t.compare]} {t.value} {t.unit}，按营业执照填写）
      </label>
      <DateInput
        id={id}
        name={id}
        label="成立日期"
        value={detail.applicant.established}
        error={app.fieldErrors.established ?? (checkNote?.isError ? checkNote.text : null)}
        onUnsaved={(problem) => app.setUnsaved('established', problem ? ['成立日期填写有误，还没有保存'] : [])}
        onCommit={save}
      />
      <Hint note={checkNote} />
    </div>
  );
}

function EventDate(props: Props & { subject: string; label: string }) {
  const { app, detail, subject, label, condition } = props;
  const id = `fact-${condition.id}`;
  const field = `facts.events.${subject}`;
  const checkNote = checkNoteOf(props);
  const save = (iso: string | null) => {
    const events = { ...detail.facts.events };
    if (iso === null) delete events[subject];
    else events[subject] = iso;
    const facts = { ...detail.facts, events };
    void app.change(() => call('applications:setFacts', { applicationId: detail.application.id, facts }), field);
  };
  return (
    <div className="field condition-fact">
      <label htmlFor={id}>{label}</label>
      <DateInput
        id={id}
        name={id}
        label={label}
        value={detail.facts.events?.[subject] ?? null}
        error={app.fieldErrors[field] ?? (checkNote?.isError ? checkNote.text : null)}
        onUnsaved={(problem) => app.setUnsaved(field, problem ? [`${label}填写有误，还没有保存`] : [])}
        onCommit={save}
      />
      <Hint note={checkNote} />
    </div>
  );
}
