/** Worker-thread entry: runs `assembleDossier` and reports progress, the result or the error to its parent. */
import { parentPort, workerData } from 'node:worker_threads';
import { assembleDossier, type AssembleInput } from './assemble.ts';
import { DossierInputError } from './errors.ts';

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: Awaited<ReturnType<typeof assembleDossier>> }
  | { type: 'error'; error: { refused: boolean; code?: string; file?: string; detail?: string; message: string } };

const port = parentPort!;
const controller = new AbortController();
port.on('message', (message: unknown) => {
  if (message === 'cancel') controller.abort();
});

function post(message: WorkerMessage): void {
  port.postMessage(message);
}

try {
  const result = await assembleDossier(workerData as AssembleInput, {
    signal: controller.signal,
    onProgress: (done, total) => post({ type: 'progress', done, total }),
  });
  post({ type: 'done', result });
} catch (error) {
  if (error instanceof DossierInputError) {
    post({ type: 'error', error: { refused: true, code: error.code, file: error.file, detail: error.detail, message: error.message } });
  } else {
    post({ type: 'error', error: { refused: false, message: String((error as Error)?.stack ?? error) } });
  }
} finally {
  port.close();
}
