import { useState } from 'react';
import type { Applicant, ApplicantDraft } from '../../../shared/contract/index.ts';
import { call, errorMessage } from '../api.ts';

type Field = Exclude<keyof ApplicantDraft, 'kind'>;

const fields: { key: Field; label: string; hint?: string; type?: string }[] = [
  { key: 'name', label: '单位名称', hint: '与营业执照上的名称一字不差' },
  { key: 'creditCode', label: '统一社会信用代码', hint: '18 位，见营业执照' },
  { key: 'registeredIn', label: '注册地（区）', hint: '例如：南山区、深汕特别合作区' },
  { key: 'established', label: '成立日期', type: 'date' },
  { key: 'contact', label: '联系人' },
  { key: 'phone', label: '联系电话' },
  { key: 'address', label: '通讯地址' },
];

const kinds: { value: Applicant['kind']; label: string }[] = [
  { value: 'enterprise', label: '企业' },
  { value: 'institution', label: '事业单位' },
  { value: 'association', label: '行业协会' },
  { value: 'other', label: '其他组织' },
];

/** The applicant's details; each field is saved when the clerk leaves it — there is no save button to forget. */
export function ApplicantForm({ applicant, onSaved }: { applicant: Applicant; onSaved: () => void }) {
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);

  async function save(changes: Partial<ApplicantDraft>) {
    try {
      await call('applicants:update', { id: applicant.id, changes });
      setStatus({ kind: 'saved', text: '已自动保存' });
      onSaved();
    } catch (e) {
      setStatus({ kind: 'error', text: errorMessage(e) });
    }
  }

  return (
    <section className="card" aria-labelledby="applicant-heading">
      <h2 id="applicant-heading">申报单位信息</h2>
      <div className="form-grid">
        {fields.map((f) => (
          <label key={f.key} className="field">
            <span>{f.label}</span>
            <input
              name={f.key}
              type={f.type ?? 'text'}
              defaultValue={applicant[f.key] ?? ''}
              placeholder={f.hint}
              onBlur={(e) => {
                const value = e.target.value.trim();
                if (value === (applicant[f.key] ?? '')) return;
                void save({ [f.key]: f.key === 'established' && value === '' ? null : value });
              }}
            />
          </label>
        ))}
        <label className="field">
          <span>单位类型</span>
          <select name="kind" defaultValue={applicant.kind} onChange={(e) => void save({ kind: e.target.value as Applicant['kind'] })}>
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {status && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'field-error' : 'saved'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
