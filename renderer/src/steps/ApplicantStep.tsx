import { useRef, useState } from 'react';
import type { Applicant, ApplicantDraft } from '#shared/contract/index.ts';
import { call } from '../api.ts';
import { toHalfWidth } from '#shared/half-width.ts';
import { DateInput } from '../components/DateInput.tsx';
import { FindingList } from '../components/FindingList.tsx';
import { useAutosave } from '../hooks/use-autosave.ts';
import { creditCodeNote, districtNote, type LiveNote } from './applicant-checks.ts';
import type { StepProps } from './step-props.ts';

type Field = Exclude<keyof ApplicantDraft, 'kind'>;

type TextField = Exclude<Field, 'established'>;

const fields: { key: Field; label: string; hint?: string }[] = [
  { key: 'name', label: '单位名称', hint: '与营业执照上的名称一字不差' },
  { key: 'creditCode', label: '统一社会信用代码', hint: '18 位，见营业执照' },
  { key: 'registeredIn', label: '注册地（区）', hint: '例如：南山区' },
  { key: 'established', label: '成立日期' },
  { key: 'contact', label: '联系人', hint: '本单位的申报联系人' },
  { key: 'phone', label: '联系电话' },
  { key: 'address', label: '通讯地址' },
];

const kinds: { value: Applicant['kind']; label: string }[] = [
  { value: 'enterprise', label: '企业' },
  { value: 'institution', label: '事业单位' },
  { value: 'association', label: '行业协会' },
  { value: 'other', label: '其他组织' },
];

/** What is stored for a typed value: trimmed; the credit code in ASCII capitals whatever the IME typed. */
function cleaned(key: TextField, typed: string): string {
  const value = typed.trim();
  return key === 'creditCode' ? toHalfWidth(value).replace(/\s/g, '').toUpperCase() : value;
}

/** Step 1: the applicant's details, checked as typed and saved a moment after the typing stops. */
export function ApplicantStep({
  app,
  detail,
  profile,
  check,
  onApplicantChanged,
}: StepProps & { onApplicantChanged: () => void }) {
  const applicant = detail.applicant;
  const [typed, setTyped] = useState({ creditCode: applicant.creditCode, registeredIn: applicant.registeredIn });
  const notes: Partial<Record<Field, LiveNote | null>> = {
    creditCode: creditCodeNote(toHalfWidth(typed.creditCode).toUpperCase(), profile),
    registeredIn: districtNote(typed.registeredIn, profile),
  };
  const values = useRef<Partial<Record<TextField, string>>>({});

  async function save(changes: Partial<ApplicantDraft>, field: string) {
    await app.change(async () => {
      await call('applicants:update', { id: applicant.id, changes });
      return call('applications:get', { id: detail.application.id });
    }, field);
    onApplicantChanged();
  }
  const typing = useAutosave((key: TextField) => {
    const value = cleaned(key, values.current[key] ?? '');
    // Saved again even when unchanged if it was refused: the refusal then clears.
    if (value !== applicant[key] || app.fieldErrors[key]) void save({ [key]: value }, key);
  });
  const edit = (key: TextField, value: string) => {
    values.current[key] = value;
    typing.schedule(key);
  };

  const findings = (check?.findings ?? []).filter((f) => f.subject.startsWith('applicant.'));
  return (
    <>
      <section className="card" aria-labelledby="applicant-heading">
        <h3 id="applicant-heading">申报单位信息</h3>
        <p className="hint">照营业执照填写。边填边自动保存。</p>
        <div className="form-grid">
          {fields.map((f) => {
            if (f.key === 'established') {
              return (
                <div key={f.key} className="field">
                  <label htmlFor="applicant-established">{f.label}</label>
                  <DateInput
                    id="applicant-established"
                    name="established"
                    label={f.label}
                    value={applicant.established}
                    error={app.fieldErrors.established}
                    onUnsaved={(problem) =>
                      app.setUnsaved('established', problem ? ['成立日期填写有误，还没有保存'] : [])
                    }
                    onCommit={(iso) => void save({ established: iso }, 'established')}
                  />
                </div>
              );
            }
            const key = f.key;
            const note = app.fieldErrors[key]
              ? ({ tone: 'error', text: app.fieldErrors[key] } as LiveNote)
              : notes[key];
            const noteId = `note-${key}`;
            return (
              <div key={key} className="field">
                <label htmlFor={`applicant-${key}`}>{f.label}</label>
                <input
                  id={`applicant-${key}`}
                  name={key}
                  defaultValue={applicant[key] ?? ''}
                  placeholder={f.hint}
                  list={key === 'registeredIn' ? 'district-list' : undefined}
                  aria-describedby={note ? noteId : undefined}
                  aria-invalid={note?.tone === 'error' ? true : undefined}
                  onChange={(e) => {
                    if (key === 'creditCode' || key === 'registeredIn')
                      setTyped((t) => ({ ...t, [key]: e.target.value }));
                    edit(key, e.target.value);
                  }}
                  onBlur={(e) => {
                    typing.flush();
                    if (key === 'creditCode') e.target.value = cleaned(key, e.target.value);
                  }}
                />
                {note && (
                  <small id={noteId} className={`live-note ${note.tone}`}>
                    {note.text}
                  </small>
                )}
              </div>
            );
          })}
          <label className="field">
            <span>单位类型</span>
            <select
              name="kind"
              defaultValue={applicant.kind}
              onChange={(e) => void save({ kind: e.target.value as Applicant['kind'] }, 'kind')}
            >
              {kinds.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <datalist id="district-list">
          {profile.applicant.region.districts.map((d) => (
            <option key={d} value={d} />
          ))}
          <option value="深汕特别合作区" />
        </datalist>
      </section>
      <section className="card" aria-labelledby="applicant-findings">
        <h3 id="applicant-findings">检查结果</h3>
        <FindingList findings={findings} empty="申报单位信息没有发现问题。" label="申报单位的检查结果" />
      </section>
    </>
  );
}
