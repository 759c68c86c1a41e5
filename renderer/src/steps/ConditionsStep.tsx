import { isClerkQuestion, type ProfileCondition } from '#shared/profiles/index.ts';
import type { Answer } from '#shared/rules/index.ts';
import { call } from '../api.ts';
import { AnswerChoice } from '../components/AnswerChoice.tsx';
import { ConditionFact } from '../components/ConditionFact.tsx';
import { FindingList } from '../components/FindingList.tsx';
import type { StepProps } from './step-props.ts';

const groupTitles = { basic: '基础条件', special: '专项条件' } as const;

/** Step 2: the guide's conditions as questions, with the guide's words and what a "no" means. */
export function ConditionsStep(props: StepProps) {
  const { profile, detail, check } = props;
  const answered = profile.conditions.filter((c) => isClerkQuestion(c) && detail.answers[c.id]).length;
  const asked = profile.conditions.filter(isClerkQuestion).length;
  const byFigures = profile.conditions.some((c) => c.test.kind !== 'question');
  return (
    <>
      <p className="hint">
        指南规定了申报单位须符合的条件。逐条作答（已答 {answered}/{asked}）；不确定的先选“不确定”，核实后再改。
        {byFigures && '按数字或日期判断的条件，请在该条下方按营业执照、审计报告或合同填写。'}
      </p>
      {(['basic', 'special'] as const).map((group) => (
        <section key={group} className="card" aria-labelledby={`conditions-${group}`}>
          <h3 id={`conditions-${group}`}>{groupTitles[group]}</h3>
          <ol className="conditions">
            {profile.conditions
              .filter((c) => c.group === group)
              .map((c) => (
                <ConditionItem key={c.id} condition={c} {...props} />
              ))}
          </ol>
        </section>
      ))}
      <section className="card" aria-labelledby="conditions-findings">
        <h3 id="conditions-findings">检查结果</h3>
        <FindingList
          findings={(check?.findings ?? []).filter((f) => f.subject.startsWith('conditions.'))}
          empty="已答的条件没有发现问题。"
          label="资格自查的检查结果"
        />
      </section>
    </>
  );
}

function ConditionItem(props: StepProps & { condition: ProfileCondition }) {
  const { condition: c, app, detail, onStep } = props;
  const answer = detail.answers[c.id] as Answer | undefined;
  const save = (a: Answer) =>
    app.change(() =>
      call('applications:answer', { applicationId: detail.application.id, questionId: c.id, answer: a }),
    );
  return (
    <li className={`condition ${answer ?? ''}`}>
      <div className="condition-text">
        <span className="condition-number">{c.number}</span>
        <p className="question">{c.question}</p>
        <blockquote className="guide-quote">
          <span className="quote-label">指南原文：</span>
          {c.quote}
        </blockquote>
      </div>
      {isClerkQuestion(c) ? (
        <AnswerChoice name={`condition-${c.id}`} label={c.question} value={answer} onChange={(a) => void save(a)} />
      ) : c.test.kind !== 'question' ? (
        <ConditionFact {...props} />
      ) : (
        <p className="derived">
          这一条由合同信息判断。
          <button type="button" className="link" onClick={() => onStep('contract')}>
            到「合同与费用」填写
          </button>
        </p>
      )}
      {answer === 'no' && <p className="no-means">选“否”意味着：{c.noMeans}</p>}
      {answer === 'unsure' && <p className="unsure-means">请先核实。如果实际情况是“否”：{c.noMeans}</p>}
    </li>
  );
}
