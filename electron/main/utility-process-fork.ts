/**
 * The app's way to start the assembly worker: Electron's `utilityProcess.fork`, adapted to the core's
 * `AssemblyHost` (`electron/core/dossier/assembly-host.ts`), which does everything else. A utility process is a
 * Node process of its own: running out of memory or crashing in PDF code ends that job, never the window.
 */
import type { UtilityProcess, utilityProcess } from 'electron';
import type { AssemblyChild, ForkAssemblyWorker } from '../core/dossier/assembly-host.ts';

/** Wraps one utility process as the host's `AssemblyChild`. */
export function utilityProcessChild(child: UtilityProcess): AssemblyChild {
  return {
    get pid() {
      return child.pid;
    },
    post: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', listener),
    onOutput: (listener) => {
      child.stdout?.on('data', (chunk: Buffer) => listener('stdout', chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => listener('stderr', chunk.toString()));
    },
    kill: () => void child.kill(),
  };
}

/** `utilityProcess.fork` of the bundled worker, its output piped to the host's log. */
export function forkUtilityProcess(fork: (typeof utilityProcess)['fork']): ForkAssemblyWorker {
  return (workerPath) => utilityProcessChild(fork(workerPath, [], { serviceName: 'Juanzong assembly', stdio: 'pipe' }));
}
