import { useState } from 'react';
import type { DraftGapDto } from '#shared/contract/profiles.ts';
import { call, errorMessage } from '../api.ts';

interface Draft {
  json: string;
  title: string;
  gaps: DraftGapDto[];
}

/**
 * 从指南起草方案: the clerk pastes a new guide's text; the core drafts a profile from it (as `juanzong profiles
 * draft`), the window lists what a person must still fill in or decide, and saves the draft as a file to finish and
 * import.
 */
export function GuideDraftCard() {
  const [text, setText] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedTo, setSavedTo] = useState<string | null>(null);

  async function makeDraft() {
    setBusy(true);
    setError(null);
    setSavedTo(null);
    try {
      setDraft(await call('profiles:draft', { text }));
    } catch (e) {
      setDraft(null);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function saveDraft(made: Draft) {
    setError(null);
    try {
      const suggestedName = `${made.title}（草稿）`.replace(/[\\/:*?"<>|]/g, '_');
      const saved = await call('profileDraft:saveAs', { json: made.json, suggestedName });
      if (saved.savedTo) setSavedTo(saved.savedTo);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function reveal(file: string) {
    try {
      await call('savedFile:reveal', { path: file });
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const toFill = draft?.gaps.filter((g) => g.placeholder) ?? [];
  const toDecide = draft?.gaps.filter((g) => !g.placeholder) ?? [];
  return (
    <section className="card" aria-labelledby="guide-draft-heading">
      <h3 id="guide-draft-heading">从指南起草申报方案</h3>
      <p className="hint">
        收到新一批指南时，把指南全文（从网页或 PDF 复制）粘贴到下面，点“起草方案”。起草后请逐条处理下面列出的待办，
        保存方案文件，改好后在首页「导入申报方案」导入。
      </p>
      <div className="field">
        <label htmlFor="guide-text">指南全文</label>
        <textarea
          id="guide-text"
          rows={8}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'guide-text-error' : undefined}
        />
        {error && (
          <small id="guide-text-error" className="live-note error">
            {error}
          </small>
        )}
      </div>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void makeDraft()}>
          {busy ? '正在起草…' : '起草方案'}
        </button>
        {draft && (
          <button type="button" className="secondary" onClick={() => void saveDraft(draft)}>
            保存方案文件…
          </button>
        )}
      </div>
      {savedTo && (
        <p className="ok-note" role="status">
          方案草稿已保存到「{savedTo}」。改好后在首页「导入申报方案」导入。
          <button type="button" className="secondary small" onClick={() => void reveal(savedTo)}>
            打开所在文件夹
          </button>
        </p>
      )}
      {draft && (
        <div role="status">
          <p>
            已起草「{draft.title}」：{toFill.length} 处必须填写，{toDecide.length} 处需要人来决定。
          </p>
          <GapList title="必须填写（方案里是“【待填写】”或占位值）" gaps={toFill} />
          <GapList title="需要决定（已按原文起草，请核对）" gaps={toDecide} />
        </div>
      )}
    </section>
  );
}

function GapList({ title, gaps }: { title: string; gaps: DraftGapDto[] }) {
  if (gaps.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul className="draft-gaps">
        {gaps.map((g, i) => (
          <li key={`${g.path}-${i}`}>
            <code>{g.path}</code>：{g.message}
          </li>
        ))}
      </ul>
    </>
  );
}
