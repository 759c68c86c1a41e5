/**
 * `assembleDossierInWorker`: `assembleDossier` on a worker thread, so the app's main process stays responsive.
 * Progress comes back as messages; the AbortSignal asks the worker to stop between pages, and ends the thread
 * outright if it has not stopped within a few seconds (its temporary file is removed either way).
 */
import { Worker } from 'node:worker_threads';
import type { AssembleInput, AssembleOptions, AssembleResult } from './assemble.ts';
import type { WorkerMessage } from './assemble-worker.ts';
import { removeStaleTemps } from '../safety/atomic-output.ts';
import { DossierInputError, cancelledError, type DossierInputErrorCode } from './errors.ts';

const GRACE_MS = 5000;

export interface WorkerOptions extends AssembleOptions {
  /** The worker script; defaults to assemble-worker.mjs beside this file, which loads the TypeScript through tsx. */
  workerUrl?: URL;
}

export function assembleDossierInWorker(input: AssembleInput, options: WorkerOptions = {}): Promise<AssembleResult> {
  const url = options.workerUrl ?? new URL('./assemble-worker.mjs', import.meta.url);
  const worker = new Worker(url, { workerData: input });
  return new Promise((resolve, reject) => {
    let settled = false;
    let killer: NodeJS.Timeout | undefined;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(killer);
      options.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      worker.postMessage('cancel');
      killer = setTimeout(() => {
        void worker.terminate().then(() => {
          removeStaleTemps(input.outPath, process.pid);
          finish(() => reject(cancelledError()));
        });
      }, GRACE_MS);
    };
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') options.onProgress?.(m.done, m.total);
      else if (m.type === 'done') finish(() => resolve(m.result));
      else if (m.error.refused) finish(() => reject(new DossierInputError(m.error.code as DossierInputErrorCode, m.error.file ?? '', m.error.detail)));
      else finish(() => reject(new Error(m.error.message)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`dossier worker exited (${code}) without a result`))));
  });
}
