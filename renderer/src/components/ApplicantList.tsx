import { useState, type FormEvent } from 'react';
import type { Applicant } from '#shared/contract/index.ts';
import { call, errorMessage } from '../api.ts';
import { SampleBadge } from '../first-run/SampleBadge.tsx';

interface Props {
  applicants: Applicant[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  onCreated: (created: Applicant) => void | Promise<void>;
}

export function ApplicantList({ applicants, selectedId, onSelect, onCreated }: Props) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    try {
      const created = await call('applicants:create', { name });
      setName('');
      setError(null);
      await onCreated(created);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <nav className="sidebar" aria-label="申报单位">
      <h2>申报单位</h2>
      {applicants.length === 0 && <p className="hint">还没有申报单位。</p>}
      <ul className="applicant-list">
        {applicants.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className={a.id === selectedId ? 'selected' : ''}
              aria-current={a.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(a.id)}
            >
              {a.name}
              <SampleBadge applicant={a} />
            </button>
          </li>
        ))}
      </ul>
      <form className="new-applicant" onSubmit={create}>
        <label htmlFor="new-applicant-name">新建申报单位</label>
        <input
          id="new-applicant-name"
          value={name}
          placeholder="单位全称，与营业执照一致"
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit">新建</button>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
      </form>
    </nav>
  );
}
