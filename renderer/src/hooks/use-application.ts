import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApplicationDetail, CheckResultDto } from '../../../shared/contract/index.ts';
import { call, errorMessage } from '../api.ts';

export interface ApplicationState {
  detail: ApplicationDetail | null;
  check: CheckResultDto | null;
  /** The last failure, in the clerk's words; cleared by the next success. */
  error: string | null;
  /** "已自动保存 14:03" after each change. */
  savedAt: string | null;
  /** Runs a change that answers the refreshed detail; re-checks afterwards. */
  change: (run: () => Promise<ApplicationDetail>) => Promise<ApplicationDetail | null>;
  /** Reads the detail again (after attachments were added through a channel that answers only the file). */
  reload: () => Promise<void>;
}

function clock(): string {
  return new Date().toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });
}

/** One application as the window edits it: the detail, its findings, and a way to change it. */
export function useApplication(applicationId: number): ApplicationState {
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);
  const [check, setCheck] = useState<CheckResultDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
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
    async (run: () => Promise<ApplicationDetail>) => {
      try {
        const next = await run();
        setDetail(next);
        setError(null);
        setSavedAt(clock());
        void recheck();
        return next;
      } catch (e) {
        setError(errorMessage(e));
        return null;
      }
    },
    [recheck],
  );

  return { detail, check, error, savedAt, change, reload };
}
