import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '#shared/contract/index.ts';
import { call, errorMessage } from '../api.ts';

export interface DossierJob {
  status: JobStatus | null;
  /** A failure to start, poll or cancel (the job's own failure is in `status.error`). */
  error: string | null;
  /** When the application last changed before this job started: a later change makes the result stale. */
  startedFor: string | null;
  start: (applicationId: number, stamp: string) => Promise<void>;
  cancel: () => Promise<void>;
}

const POLL_MS = 250;

/**
 * The dossier job of the open application. It lives above the steps, so the clerk can move between steps while
 * the assembly runs off the window's thread; the window only asks for progress a few times a second.
 */
export function useDossierJob(): DossierJob {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [startedFor, setStartedFor] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      window.clearTimeout(timer.current);
    };
  }, []);

  const poll = useCallback(async (jobId: string) => {
    try {
      const next = await call('dossier:status', { jobId });
      if (!alive.current) return;
      setStatus(next);
      if (next.state === 'running') timer.current = window.setTimeout(() => void poll(jobId), POLL_MS);
    } catch (e) {
      if (alive.current) setError(errorMessage(e));
    }
  }, []);

  const start = useCallback(
    async (applicationId: number, stamp: string) => {
      window.clearTimeout(timer.current);
      setError(null);
      try {
        const { jobId } = await call('dossier:start', { applicationId });
        setStartedFor(stamp);
        setStatus({ jobId, state: 'running', done: 0, total: 0, pageMap: null, error: null });
        void poll(jobId);
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [poll],
  );

  const cancel = useCallback(async () => {
    if (!status || status.state !== 'running') return;
    try {
      await call('dossier:cancel', { jobId: status.jobId });
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [status]);

  return { status, error, startedFor, start, cancel };
}
