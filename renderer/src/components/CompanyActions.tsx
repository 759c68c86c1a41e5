import { useState, type FormEvent } from 'react';
import type { Applicant } from '#shared/contract/index.ts';
import { call, errorMessage } from '../api.ts';
import type { UndoOffer } from './UndoBar.tsx';

interface Props {
  applicant: Applicant;
  /** The name changed: the list on the left shows it. */
  onRenamed: () => void | Promise<void>;
  /** The company is gone; `offer` puts it back with its applications. */
  onRemoved: (offer: UndoOffer) => void | Promise<void>;
}

/** 重命名 and 删除 for the chosen company (申报单位); a removal can be undone for a while. */
export function CompanyActions({ applicant, onRenamed, onRemoved }: Props) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(applicant.name);
  const [error, setError] = useState<string | null>(null);

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError('单位名称不能为空。请填写与营业执照一致的全称。');
    try {
      await call('applicants:update', { id: applicant.id, changes: { name: name.trim() } });
      setError(null);
      setRenaming(false);
      await onRenamed();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function remove() {
    try {
      const { undoToken, name: removed, applications } = await call('applicants:remove', { id: applicant.id });
      await onRemoved({
        what: removed,
        along: applications ? `及其 ${applications} 个申报项目` : '',
        undo: () => call('removals:undo', { undoToken }),
      });
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  if (renaming) {
    return (
      <form className="company-rename" onSubmit={rename}>
        <label htmlFor="company-new-name">新的单位名称</label>
        <input
          id="company-new-name"
          value={name}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'company-name-error' : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit">保存名称</button>
        <button type="button" className="secondary" onClick={() => setRenaming(false)}>
          取消
        </button>
        {error && (
          <p id="company-name-error" role="alert" className="field-error">
            {error}
          </p>
        )}
      </form>
    );
  }
  return (
    <div className="button-row company-actions">
      <button type="button" className="secondary small" onClick={() => setRenaming(true)}>
        重命名单位
      </button>
      <button type="button" className="secondary small danger" onClick={() => void remove()}>
        删除单位
      </button>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
