/**
 * The assembly worker that Electron's main process runs in a `utilityProcess` (bundled to
 * `out/main/assembly-worker.cjs`): one job, then the host ends the process. A crash here never takes the window
 * down. Messages: `shared/assembly-protocol.ts`.
 */
import { isHostMessage, type WorkerMessage } from '../../../shared/assembly-protocol.ts';
import { toApiError } from '../../../shared/api-error.ts';
import { assembleDossier } from './assemble.ts';
import { runAssemblyRequest, type AssemblyRequest } from './request.ts';

/** The slice of Electron's `process.parentPort` this worker uses (the core does not import Electron's types). */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: WorkerMessage): void;
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!port) throw new Error('worker-entry runs only inside an Electron utilityProcess');
const abort = new AbortController();

port.on('message', ({ data }) => {
  if (!isHostMessage(data)) return;
  if (data.type === 'cancel') {
    abort.abort();
    return;
  }
  const onProgress = (done: number, total: number) => port.postMessage({ type: 'progress', done, total });
  runAssemblyRequest(data.request as AssemblyRequest, { onProgress, signal: abort.signal }, assembleDossier).then(
    (pageMap) => port.postMessage({ type: 'done', pageMap }),
    (error: unknown) => port.postMessage({ type: 'error', ...toApiError(error) }),
  );
});
