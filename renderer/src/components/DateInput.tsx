import { useEffect, useRef, useState } from 'react';
import { looksFinished, parseTypedDate } from '#shared/typed-date.ts';
import { useAutosave } from '../hooks/use-autosave.ts';
import { DateCalendar } from './DateCalendar.tsx';

interface Props {
  /** The field's name as the clerk reads it: the input's accessible name. */
  label: string;
  /** The stored date (`YYYY-MM-DD`), or null. */
  value: string | null;
  /** Called with a complete, real date (or null when the field was emptied); never with half a date. */
  onCommit: (iso: string | null) => void;
  /** A problem found elsewhere (the check, the core) to show at this field. */
  error?: string | null;
  id?: string;
  name?: string;
  /** Told when what is typed cannot be stored (with the reason) and when it can again (null). */
  onUnsaved?: (problem: string | null) => void;
}

/**
 * One date field for the whole window: typed as 2025-12-31, 2025/12/31 or 20251231 (not the system locale's
 * order), or picked from a calendar. What is typed is stored only once it is a complete, real date.
 */
export function DateInput({ label, value, onCommit, error, id, name, onUnsaved }: Props) {
  const [text, setText] = useState(value ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const focused = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const commit = (typed: string) => {
    const parsed = parseTypedDate(typed);
    const iso = parsed.kind === 'date' ? parsed.iso : parsed.kind === 'empty' ? null : undefined;
    if (iso !== undefined && iso !== value) onCommit(iso);
  };
  const autosave = useAutosave((typed: string) => {
    if (looksFinished(typed)) commit(typed);
  });

  useEffect(() => {
    if (!focused.current) setText(value ?? '');
  }, [value]);
  const tell = useRef(onUnsaved);
  tell.current = onUnsaved;
  useEffect(() => tell.current?.(problem), [problem]);
  useEffect(() => () => tell.current?.(null), []);

  const leave = () => {
    focused.current = false;
    autosave.flush();
    const parsed = parseTypedDate(text);
    if (parsed.kind === 'incomplete' || parsed.kind === 'invalid') {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    commit(text);
    if (parsed.kind === 'date') setText(parsed.iso);
  };
  const pick = (iso: string) => {
    setOpen(false);
    setText(iso);
    setProblem(null);
    if (iso !== value) onCommit(iso);
    input.current?.focus();
  };
  const shown = problem ?? error ?? null;
  const noteId = `${id ?? name ?? label}-note`;
  return (
    <span className="date-input">
      <span className="date-entry">
        <input
          ref={input}
          id={id}
          name={name}
          aria-label={id ? undefined : label}
          inputMode="numeric"
          autoComplete="off"
          placeholder="例如 2025-12-31"
          value={text}
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? noteId : undefined}
          onFocus={() => (focused.current = true)}
          onChange={(e) => {
            setText(e.target.value);
            if (problem && parseTypedDate(e.target.value).kind === 'date') setProblem(null);
            autosave.schedule(e.target.value);
          }}
          onBlur={leave}
          onKeyDown={(e) => {
            if (e.key === 'Enter') leave();
          }}
        />
        {/* Named by its content, not aria-label, so that the field's label names the field alone. */}
        <button
          type="button"
          className="secondary small calendar-button"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">日历</span>
          <span className="visually-hidden">从日历选择{label}</span>
        </button>
      </span>
      {shown && (
        <small id={noteId} className="live-note error">
          {shown}
        </small>
      )}
      {open && <DateCalendar label={label} value={value} onPick={pick} onClose={() => setOpen(false)} />}
    </span>
  );
}
