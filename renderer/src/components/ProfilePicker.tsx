import { useId, useRef, useState, type ChangeEvent } from 'react';
import type { ProfileSummary } from '#shared/contract/profiles.ts';
import { call, errorMessage } from '../api.ts';
import { loadProfile } from '../hooks/use-profiles.ts';

interface Props {
  profiles: ProfileSummary[];
  chosenId: string | undefined;
  onChoose: (id: string) => void;
  onImported: (id: string) => Promise<void>;
}

/**
 * Which programme a new application follows. Next year's guide (or a sibling programme) comes as a profile file the
 * clerk imports here; nothing else in the app changes.
 */
export function ProfilePicker({ profiles, chosenId, onChoose, onImported }: Props) {
  const selectId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const summary = await call('profiles:import', { json: await file.text() });
      await loadProfile(summary.id, true);
      await onImported(summary.id);
      setMessage({ kind: 'ok', text: `已导入申报方案「${summary.title}」。` });
    } catch (e) {
      setMessage({ kind: 'error', text: `「${file.name}」无法导入：${errorMessage(e)}` });
    }
  }

  return (
    <div className="profile-picker">
      <label htmlFor={selectId}>申报方案</label>
      <select id={selectId} value={chosenId ?? ''} onChange={(e) => onChoose(e.target.value)}>
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
            {p.builtIn ? '' : '（已导入）'}
          </option>
        ))}
      </select>
      <button type="button" className="secondary" onClick={() => input.current?.click()}>
        导入申报方案…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="导入申报方案文件"
        onChange={(e) => void importFile(e)}
      />
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'field-error' : 'saved'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
