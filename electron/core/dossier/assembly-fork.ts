/**
 * Starting the assembly worker outside Electron: a Node child process (`child_process.fork`), as the command line,
 * the core's dossier jobs and the tests do. From a bundle (`out/cli/juanzong.cjs`, `out/main/index.cjs`) the worker
 * is the bundle beside it (`assembly-worker.cjs`); from the TypeScript sources it is `worker-entry.ts` through tsx.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AssemblyHost, type AssemblyChild, type HostLog } from './assembly-host.ts';

/** The worker that goes with this code: the bundle beside a bundle, or the TypeScript entry. */
export function defaultWorkerPath(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.cjs')) return path.join(path.dirname(here), 'assembly-worker.cjs');
  return fileURLToPath(new URL('./worker-entry.ts', import.meta.url));
}

/** tsx's loader, by absolute URL: the child's working folder may be anywhere. */
const tsxLoader = () => pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface NodeForkOptions {
  /** The worker's environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

/** Forks `workerPath` as a Node child process with a structured-clone message channel, as a utilityProcess has. */
export function forkNodeProcess(workerPath: string, options: NodeForkOptions = {}): AssemblyChild {
  const child = fork(workerPath, [], {
    execArgv: workerPath.endsWith('.ts') ? ['--import', tsxLoader()] : [],
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: options.env ?? process.env,
  });
  // A message to a worker that has just exited fails on the closed channel; its exit is what the host acts on.
  child.on('error', () => undefined);
  return {
    pid: child.pid,
    post: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    onOutput: (listener) => {
      child.stdout?.on('data', (chunk: Buffer) => listener('stdout', chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => listener('stderr', chunk.toString()));
    },
    kill: () => void child.kill(),
  };
}

/** A host that runs the worker going with this code in Node child processes. */
export function nodeAssemblyHost(log?: HostLog): AssemblyHost {
  return new AssemblyHost({
    fork: (workerPath) => forkNodeProcess(workerPath),
    workerPath: defaultWorkerPath(),
    ...(log ? { log } : {}),
  });
}
