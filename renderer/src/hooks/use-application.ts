import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApplicationDetail, CheckResultDto } from '#shared/contract/index.ts';
import { ApiCallError, call, errorMessage } from '../api.ts';

/** Where a failed change is shown: at a field (its key, as the step names it), or above the step when unnamed. */
export type FieldErrors = Record<string, string>;

export interface ApplicationState {
  detail: ApplicationDetail | null;
  check: CheckResultDto | null;
  /** The last failure that belongs to no field, in the clerk's words; cleared by the next success. */
  error: string | null;
  /** Failures that belong to a field, by the field's key; each cleared when that field saves again. */
  fieldErrors: FieldErrors;
  /** "已自动保存 14:03" after each change. */
  savedAt: string | null;
  /** Changes sent and not yet answered. */
  saving: number;
  /** What is typed on screen but cannot be saved yet, in the clerk's words (e.g. a cost row with no valid amount). */
  unsaved: string[];
  /** A step reports what it holds unsaved under its own key; an empty list clears it. */
  setUnsaved: (key: string, messages: string[]) => void;
  /**
   * Runs a change that answers the refreshed detail; re-checks afterwards. With `field`, a failure is shown at
   * that field instead of above the step.
   */
  change: (run: () => Promise<ApplicationDetail>, field?: string) => Promise<ApplicationDetail | null>;
  /** The clerk has read the error above the step. */
  dismissError: () => void;
  /** Reads the detail again (after attachments were added through a channel that answers only the file). */
  reload: () => Promise<void>;
}

function clock(): string {
  return new Date().toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });
}

/** The errors left once `key` saved: its own and those of its parts (`costs` clears `costs.0.paidOn`). */
function without(errors: FieldErrors, key: string): FieldErrors {
  const left = Object.entries(errors).filter(([k]) => k !== key && !k.startsWith(`${key}.`));
  return left.length === Object.keys(errors).length ? errors : Object.fromEntries(left);
}

/** One application as the window edits it: the detail, its findings, and a way to change it. */
export function useApplication(applicationId: number): ApplicationState {
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);
  const [check, setCheck] = useState<CheckResultDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [saving, setSaving] = useState(0);
  const [unsavedByKey, setUnsavedByKey] = useState<Record<string, string[]>>({});
  const checkSeq = useRef(0);

  const recheck = useCallback(async () => {
    const seq = ++checkSeq.current;
    try {
      const result = await call('applications:check', { applicationId });
      if (seq === checkSeq.current) setCheck(result);
    } catch (e) {
      if (seq === checkSeq.current) setError(errorMessage(e));
    }
  }, [applicationId]);

  const reload = useCallback(async () => {
    try {
      setDetail(await call('applications:get', { id: applicationId }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
    void recheck();
  }, [applicationId, recheck]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const change = useCallback(
    async (run: () => Promise<ApplicationDetail>, field?: string) => {
      setSaving((n) => n + 1);
      try {
        const next = await run();
        setDetail(next);
        if (field) setFieldErrors((errors) => without(errors, field));
        else setError(null);
        setSavedAt(clock());
        void recheck();
        return next;
      } catch (e) {
        // The core names the exact field it refused (`costs.1.paidOn`); else the field the step was saving.
        const target = (e instanceof ApiCallError ? e.field : undefined) ?? field;
        if (target) setFieldErrors((errors) => ({ ...errors, [target]: errorMessage(e) }));
        else setError(errorMessage(e));
        setSavedAt(null);
        return null;
      } finally {
        setSaving((n) => n - 1);
      }
    },
    [recheck],
  );

  const setUnsaved = useCallback((key: string, messages: string[]) => {
    setUnsavedByKey((all) => {
      if ((all[key] ?? []).join('\n') === messages.join('\n')) return all;
      const { [key]: _old, ...rest } = all;
      return messages.length ? { ...rest, [key]: messages } : rest;
    });
  }, []);

  const unsaved = Object.values(unsavedByKey).flat();
  const dismissError = useCallback(() => setError(null), []);
  return { detail, check, error, fieldErrors, savedAt, saving, unsaved, setUnsaved, change, reload, dismissError };
}
