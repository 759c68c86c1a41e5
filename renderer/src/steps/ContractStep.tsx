import { useEffect, useRef, useState } from 'react';
import type { ContractDraft } from '#shared/contract/index.ts';
import type { deploymentKinds } from '#shared/manifest.ts';
import { modelServiceAgreement } from '#shared/profiles/index.ts';
import type { Answer } from '#shared/rules/index.ts';
import { chineseDate } from '#shared/rules/calendar.ts';
import { call } from '../api.ts';
import { AnswerChoice } from '../components/AnswerChoice.tsx';
import { CostTable } from '../components/CostTable.tsx';
import {
  initialRows,
  rememberRows,
  savableLines,
  savableRowNumbers,
  unsavedRows,
  type CostRow,
} from '../components/cost-rows.ts';
import { DateInput } from '../components/DateInput.tsx';
import { FindingList } from '../components/FindingList.tsx';
import { VoucherBreakdown } from '../components/VoucherBreakdown.tsx';
import { useAutosave } from '../hooks/use-autosave.ts';
import type { StepProps } from './step-props.ts';

const emptyContract: ContractDraft = {
  provider: '',
  providerListed: null,
  relatedParty: null,
  model: '',
  modelFiling: '',
  signedOn: null,
  serviceFrom: null,
  serviceTo: null,
  deployment: null,
};

const deployments: { value: (typeof deploymentKinds)[number]; label: string }[] = [
  { value: 'cloud', label: '云化部署' },
  { value: 'private', label: '私有化部署' },
  { value: 'api', label: 'API 调用' },
  { value: 'edge', label: '端侧部署' },
  { value: 'other', label: '其他方式' },
];

const toAnswer = (b: boolean | null): Answer | undefined => (b === null ? undefined : b ? 'yes' : 'no');
const fromAnswer = (a: Answer): boolean | null => (a === 'unsure' ? null : a === 'yes');

/** Step 3: the service contract, the related-party questions, and the costs with the voucher worked out live. */
export function ContractStep({ app, detail, profile, check }: StepProps) {
  const agreement = modelServiceAgreement(profile);
  const [draft, setDraft] = useState<ContractDraft>(detail.contract ?? emptyContract);
  const latest = useRef(draft);
  const applicationId = detail.application.id;
  const [rows, setRows] = useState<CostRow[]>(() => initialRows(applicationId, detail.costs));
  const savedCosts = useRef(JSON.stringify(detail.costs));
  const { setUnsaved } = app;

  const saveContract = (next: ContractDraft, field: string) => {
    latest.current = next;
    setDraft(next);
    void app.change(() => call('applications:saveContract', { applicationId, contract: next }), `contract.${field}`);
  };
  const typing = useAutosave((key: string) => saveContract(latest.current, key));
  const text = (key: 'provider' | 'model' | 'modelFiling', label: string, hint: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        name={key}
        value={draft[key]}
        placeholder={hint}
        aria-invalid={app.fieldErrors[`contract.${key}`] ? true : undefined}
        onChange={(e) => {
          latest.current = { ...latest.current, [key]: e.target.value };
          setDraft(latest.current);
          typing.schedule(key);
        }}
        onBlur={typing.flush}
      />
      {app.fieldErrors[`contract.${key}`] && (
        <small className="live-note error">{app.fieldErrors[`contract.${key}`]}</small>
      )}
    </label>
  );
  const date = (key: 'signedOn' | 'serviceFrom' | 'serviceTo', label: string) => (
    <div className="field">
      <label htmlFor={`contract-${key}`}>{label}</label>
      <DateInput
        id={`contract-${key}`}
        name={key}
        label={label}
        value={draft[key]}
        error={app.fieldErrors[`contract.${key}`]}
        onUnsaved={(problem) => setUnsaved(`contract.${key}`, problem ? [`${label}填写有误，还没有保存`] : [])}
        onCommit={(iso) => saveContract({ ...latest.current, [key]: iso }, key)}
      />
    </div>
  );

  async function answerRelated(questionId: string, answer: Answer) {
    const next = await app.change(() => call('applications:answer', { applicationId, questionId, answer }));
    if (!next) return;
    const answers = (agreement?.relatedPartyQuestions ?? []).map((q) => next.answers[q.id]);
    const related = answers.includes('yes') ? true : answers.every((a) => a === 'no') ? false : null;
    if (related !== latest.current.relatedParty)
      saveContract({ ...latest.current, relatedParty: related }, 'relatedParty');
  }

  const costSave = useAutosave((next: CostRow[]) => {
    const lines = savableLines(next);
    const json = JSON.stringify(lines);
    if (json === savedCosts.current) return;
    savedCosts.current = json;
    void app
      .change(() => call('applications:saveCosts', { applicationId, costs: lines }), 'costs')
      .then((saved) => {
        if (!saved) savedCosts.current = '';
      });
  });
  const editCosts = (next: CostRow[]) => {
    setRows(next);
    rememberRows(applicationId, next);
    costSave.schedule(next);
  };
  useEffect(() => {
    setUnsaved('costs', unsavedRows(rows));
  }, [rows, setUnsaved]);
  useEffect(() => () => setUnsaved('costs', []), [setUnsaved]);
  const window = agreement?.servicePeriod;
  const { grant } = profile.words;
  const findings = (check?.findings ?? []).filter((f) => /^(contract|costs)(\.|$)/.test(f.subject));

  return (
    <>
      <section className="card" aria-labelledby="contract-heading">
        <h3 id="contract-heading">模型服务合同</h3>
        <p className="hint">
          照与模型服务机构签订的合同填写。
          {window && `服务须在 ${chineseDate(window.from)} 至 ${chineseDate(window.to)} 期间开展。`}
        </p>
        <div className="form-grid">
          {text('provider', '模型服务机构（乙方）', '合同上的全称')}
          <div className="field">
            <span>该机构是否已入库</span>
            <AnswerChoice
              name="provider-listed"
              label="模型服务机构是否已入库"
              value={toAnswer(draft.providerListed)}
              onChange={(a) => saveContract({ ...latest.current, providerListed: fromAnswer(a) }, 'providerListed')}
            />
          </div>
          {text('model', '模型名称', '合同中的模型名称')}
          {text('modelFiling', '模型的网信办备案号', '国家网信办生成式人工智能服务备案号')}
          {date('signedOn', '合同签订日期')}
          {date('serviceFrom', '服务开始日期')}
          {date('serviceTo', '服务结束日期')}
          <label className="field">
            <span>部署方式</span>
            <select
              name="deployment"
              value={draft.deployment ?? ''}
              onChange={(e) =>
                saveContract(
                  { ...latest.current, deployment: (e.target.value || null) as ContractDraft['deployment'] },
                  'deployment',
                )
              }
            >
              <option value="">请选择</option>
              {deployments.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      </section>
      <section className="card" aria-labelledby="related-heading">
        <h3 id="related-heading">是否构成关联方</h3>
        <p className="hint">与关联方签订的合同不能申领{grant}。按下面三个问题判断：</p>
        <ol className="conditions">
          {(agreement?.relatedPartyQuestions ?? []).map((q) => (
            <li key={q.id} className="condition">
              <p className="question">{q.question}</p>
              <AnswerChoice
                name={`related-${q.id}`}
                label={q.question}
                value={detail.answers[q.id] as Answer | undefined}
                onChange={(a) => void answerRelated(q.id, a)}
              />
              {detail.answers[q.id] === 'yes' && (
                <p className="no-means">选“是”即构成关联方：该合同不能申领{grant}。</p>
              )}
            </li>
          ))}
        </ol>
        <details>
          <summary>法律依据</summary>
          <p className="guide-quote">{agreement?.relatedPartyBasis}</p>
        </details>
      </section>
      <section className="card" aria-labelledby="costs-heading">
        <h3 id="costs-heading">{profile.words.cost}</h3>
        <p className="hint">按发票和付款凭证逐笔录入，边填边自动保存；金额有误的一笔在改正前不保存。</p>
        <CostTable
          profile={profile}
          rows={rows}
          onRows={editCosts}
          onLeave={costSave.flush}
          errors={app.fieldErrors}
          onUnsaved={setUnsaved}
        />
        {app.fieldErrors.costs && (
          <p role="alert" className="field-error">
            {app.fieldErrors.costs}
          </p>
        )}
      </section>
      <VoucherBreakdown
        costs={savableLines(rows)}
        rowNumbers={savableRowNumbers(rows)}
        profile={profile}
        claimant={{ kind: detail.applicant.kind, answers: detail.answers }}
      />
      <section className="card" aria-labelledby="contract-findings">
        <h3 id="contract-findings">检查结果</h3>
        <FindingList findings={findings} empty="合同与费用没有发现问题。" label="合同与费用的检查结果" />
      </section>
    </>
  );
}
