import { useEffect, useState } from 'react';
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
  const href = useObjectUrl(draft?.json);

  async function makeDraft() {
    setBusy(true);
    setError(null);
    try {
      setDraft(await call('profiles:draft', { text }));
    } catch (e) {
      setDraft(null);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
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
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void makeDraft()}>
          {busy ? '正在起草…' : '起草方案'}
        </button>
        {draft && href && (
          <a className="button secondary" href={href} download={`${draft.title}（草稿）.json`}>
            保存方案文件…
          </a>
        )}
      </div>
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

/** A download address for the text, let go when it changes. */
function useObjectUrl(text: string | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (text === undefined) return setUrl(null);
    const made = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [text]);
  return url;
}
