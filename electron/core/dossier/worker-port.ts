/**
 * The worker's end of the message channel, for each way the worker can be started: Electron's `utilityProcess`
 * (`process.parentPort`, messages arrive as `event.data`), a Node child process (`process.send`), or a worker
 * thread (`worker_threads.parentPort`). Everything else in the worker is the same whichever it is.
 */
import { parentPort as threadPort } from 'node:worker_threads';
import type { WorkerMessage } from '../../../shared/assembly-protocol.ts';

export interface WorkerPort {
  /** Which transport this is, for the log. */
  readonly kind: 'utility-process' | 'child-process' | 'worker-thread';
  onMessage(listener: (message: unknown) => void): void;
  post(message: WorkerMessage): void;
}

/** The slice of Electron's `process.parentPort` used here (the core does not import Electron's types). */
interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function utilityProcessPort(port: ElectronParentPort): WorkerPort {
  return {
    kind: 'utility-process',
    onMessage: (listener) => port.on('message', (event) => listener(event.data)),
    post: (message) => port.postMessage(message),
  };
}

function childProcessPort(): WorkerPort {
  // A host that is gone (killed, crashed) cannot take the answer: the work is for nothing.
  process.once('disconnect', () => process.exit(1));
  return {
    kind: 'child-process',
    onMessage: (listener) => process.on('message', listener),
    post: (message) => void process.send?.(message),
  };
}

function workerThreadPort(port: NonNullable<typeof threadPort>): WorkerPort {
  return {
    kind: 'worker-thread',
    onMessage: (listener) => port.on('message', listener),
    post: (message) => port.postMessage(message),
  };
}

/** The channel to whoever started this worker; throws when it was started some other way (e.g. by hand). */
export function portToHost(): WorkerPort {
  const electron = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (electron) return utilityProcessPort(electron);
  if (threadPort) return workerThreadPort(threadPort);
  if (process.send) return childProcessPort();
  throw new Error('the assembly worker runs only under a host (utilityProcess, child_process.fork or a Worker)');
}
