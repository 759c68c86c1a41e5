import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api.ts';

/** A removal that can still be taken back: what was removed, in the clerk's words, and how to put it back. */
export interface UndoOffer {
  what: string;
  /** What went with it, e.g. "及其 2 个申报项目". */
  along?: string;
  undo: () => Promise<unknown>;
}

/** How long 撤销 stays offered while neither the pointer nor the focus is on it. */
export const undoMs = 10_000;

/**
 * "已移除「X」 撤销" where the removed thing was. It goes after ten seconds, but not while the pointer or the focus
 * is on it; when the removal took the focus with it (the pressed button is gone), the focus lands on 撤销.
 */
export function UndoBar({ offer, onClose }: { offer: UndoOffer | null; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [held, setHeld] = useState(false);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    setError(null);
    if (offer && (document.activeElement === document.body || document.activeElement === null)) button.current?.focus();
  }, [offer]);
  useEffect(() => {
    if (!offer || held || error) return;
    const timer = setTimeout(() => close.current(), undoMs);
    return () => clearTimeout(timer);
  }, [offer, held, error]);

  if (!offer) return null;
  async function undo() {
    setBusy(true);
    try {
      await offer!.undo();
      close.current();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div
      className="undo-bar"
      role="status"
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
    >
      <span>
        已移除「{offer.what}」{offer.along ?? ''}。
      </span>
      <button ref={button} type="button" className="secondary small" disabled={busy} onClick={() => void undo()}>
        撤销
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
