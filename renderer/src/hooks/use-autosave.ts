import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';

/**
 * Saving as the clerk types: each edit is saved a moment after the typing stops, when the field is left, when the
 * step changes, and when the window is closed or hidden (`beforeunload`, `pagehide`, `visibilitychange`), so the
 * last edit is never lost because the cursor was still in its field.
 */
const pending = new Set<() => void>();
const listeners = new Set<() => void>();
let pendingCount = 0;

function changed(): void {
  pendingCount = pending.size;
  for (const listener of listeners) listener();
}

/** Saves everything still waiting for its pause: the window is going away. */
export function flushPendingSaves(): void {
  for (const flush of [...pending]) flush();
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', flushPendingSaves);
  window.addEventListener('pagehide', flushPendingSaves);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushPendingSaves();
  });
}

/** True while an edit waits for its pause before it is saved. */
export function useSavesPending(): boolean {
  const count = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pendingCount,
  );
  return count > 0;
}

export const AUTOSAVE_PAUSE_MS = 500;

/**
 * A save that waits for a pause in the typing. `schedule(value)` replaces what is waiting; `flush()` saves it now
 * (call it when the field is left). Whatever is waiting is saved when the component goes away.
 */
export function useAutosave<T>(save: (value: T) => void, pauseMs = AUTOSAVE_PAUSE_MS) {
  const saveRef = useRef(save);
  saveRef.current = save;
  const waiting = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(function flushNow() {
    clearTimeout(timer.current);
    const item = waiting.current;
    waiting.current = null;
    if (pending.delete(flushNow)) changed();
    if (item) saveRef.current(item.value);
  }, []);

  const schedule = useCallback(
    (value: T) => {
      waiting.current = { value };
      if (!pending.has(flush)) {
        pending.add(flush);
        changed();
      }
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, pauseMs);
    },
    [flush, pauseMs],
  );

  useEffect(() => flush, [flush]);
  return { schedule, flush };
}
