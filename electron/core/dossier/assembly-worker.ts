/**
 * The assembly worker's work: waits for one `start`, assembles the dossier and its checklist, and answers the page
 * map or the error (`shared/assembly-protocol.ts`); `cancel` aborts it between pages. The host ends the process
 * once it has the answer, so the worker never exits by itself (exiting right after posting could lose the answer).
 */
import { parseHostMessage, type WorkerError } from '#shared/assembly-protocol.ts';
import { toApiError } from '#shared/api-error.ts';
import { isUserFacing } from '#shared/errors.ts';
import { assembleDossier } from './assemble.ts';
import { DossierInputError } from './errors.ts';
import { runAssemblyRequest } from './request.ts';
import type { WorkerPort } from './worker-port.ts';

/** What the host is told about a failed job: the clerk's message, the file to blame, and a stack for the log. */
export function workerError(error: unknown): WorkerError {
  const file = error instanceof DossierInputError && error.file ? { file: error.file } : {};
  const detail = isUserFacing(error)
    ? {}
    : { detail: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  return { type: 'error', ...toApiError(error), ...file, ...detail };
}

const invalidRequest: WorkerError = {
  type: 'error',
  code: 'internal',
  message: '卷宗生成程序收到了无法识别的请求（程序版本不一致）。请重新安装卷宗后再试。',
};

/** Serves one assembly over `port`. */
export function serveAssembly(port: WorkerPort): void {
  const abort = new AbortController();
  let started = false;
  port.onMessage((raw) => {
    const message = parseHostMessage(raw);
    if (message?.type === 'cancel') return abort.abort();
    if (started) return;
    started = true;
    if (!message) return port.post(invalidRequest);
    const onProgress = (done: number, total: number) => port.post({ type: 'progress', done, total });
    runAssemblyRequest(message.request, { onProgress, signal: abort.signal }, assembleDossier).then(
      (pageMap) => port.post({ type: 'done', pageMap }),
      (error: unknown) => port.post(workerError(error)),
    );
  });
}
