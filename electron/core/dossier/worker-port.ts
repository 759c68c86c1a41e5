/**
 * The worker's end of the message channel, for each way the worker can be started: Electron's `utilityProcess`
 * (`process.parentPort`, messages arrive as `event.data`) or a Node child process (`process.send`). Everything
 * else in the worker is the same whichever it is.
 */
import type { WorkerMessage } from '#shared/assembly-protocol.ts';

export interface WorkerPort {
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
    onMessage: (listener) => port.on('message', (event) => listener(event.data)),
    post: (message) => port.postMessage(message),
  };
}

function childProcessPort(): WorkerPort {
  // A host that is gone (killed, crashed) cannot take the answer: the work is for nothing.
  process.once('disconnect', () => process.exit(1));
  return {
    onMessage: (listener) => process.on('message', listener),
    post: (message) => void process.send?.(message),
  };
}

/** The channel to whoever started this worker; throws when it was started some other way (e.g. by hand). */
export function portToHost(): WorkerPort {
  const electron = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (electron) return utilityProcessPort(electron);
  if (process.send) return childProcessPort();
  throw new Error('the assembly worker runs only under a host (utilityProcess or child_process.fork)');
}
