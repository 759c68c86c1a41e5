/**
 * Runs each dossier assembly in a worker process of its own (`worker-entry.ts`), so that running out of memory or a
 * crash in PDF code ends that job, never the caller. The host is the same everywhere; only the fork differs:
 * Electron's `utilityProcess.fork` in the app's main process, `child_process.fork` (`assembly-fork.ts`) in the
 * command line, the core's dossier jobs and the tests. Messages: `shared/assembly-protocol.ts`.
 */
import { parseWorkerMessage, type HostMessage, type WorkerMessage } from '#shared/assembly-protocol.ts';
import { UserFacingError } from '#shared/errors.ts';
import type { AssemblyRequest } from './request.ts';
import { removeStaleTemps } from '../safety/atomic-output.ts';
import type { PageMap } from './types.ts';

/** A started worker, whatever started it. */
export interface AssemblyChild {
  readonly pid?: number | undefined;
  post(message: HostMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Once, when the worker has ended (answered and killed, crashed, or killed after a cancel). */
  onExit(listener: (code: number | null) => void): void;
  /** What the worker writes to stdout / stderr, for the log. */
  onOutput?(listener: (stream: 'stdout' | 'stderr', text: string) => void): void;
  kill(): void;
}

/** Starts the worker script at `workerPath`. */
export type ForkAssemblyWorker = (workerPath: string) => AssemblyChild;

export interface AssemblyControl {
  onProgress: (done: number, total: number) => void;
  signal: AbortSignal;
}

export interface HostLog {
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
}

export interface AssemblyHostOptions {
  fork: ForkAssemblyWorker;
  /** The worker: `out/main/assembly-worker.cjs` in the app (see `assembly-fork.ts` for the others). */
  workerPath: string;
  log?: HostLog;
  /** How long a cancelled worker may take to stop before it is killed. */
  killAfterMs?: number;
}

/** A job the worker refused or failed: the clerk's message, its code, and the input file to blame if any. */
export class AssemblyError extends UserFacingError {
  override readonly name = 'AssemblyError';
  constructor(
    code: string,
    message: string,
    readonly file?: string,
  ) {
    super(code, message);
  }
}

export const assemblyCrashed = () =>
  new AssemblyError(
    'assembly-crashed',
    '生成卷宗时处理程序意外退出（可能是某个文件太大或已损坏）。已输入的内容没有丢失；请重试，如果反复出现，请把日志发给技术支持。',
  );
export const assemblyCancelled = () => new AssemblyError('cancelled', '已取消生成卷宗，没有写出文件。');

export class AssemblyHost {
  private readonly running = new Set<AssemblyChild>();
  private count = 0;

  constructor(private readonly options: AssemblyHostOptions) {}

  /**
   * Forks a worker, sends it the request, reports its progress, and answers its page map. Aborting the signal sends
   * `cancel`; a worker that does not stop within `killAfterMs` is killed. Rejects with an `AssemblyError`.
   */
  run(request: AssemblyRequest, control: AssemblyControl): Promise<PageMap> {
    if (control.signal.aborted) return Promise.reject(assemblyCancelled());
    const tag = `assembly #${++this.count}`;
    const child = this.options.fork(this.options.workerPath);
    this.running.add(child);
    child.onOutput?.((stream, text) =>
      this.options.log?.[stream === 'stdout' ? 'info' : 'warn'](`${tag}: ${text.trimEnd()}`),
    );
    const job = new Promise<PageMap>((resolve, reject) =>
      this.follow(child, tag, request, control, { resolve, reject }),
    );
    child.post({ type: 'start', request });
    this.options.log?.info(`${tag}: started`);
    return job;
  }

  /** Kills every worker still running (on quit). */
  killAll(): void {
    for (const child of this.running) child.kill();
  }

  private follow(
    child: AssemblyChild,
    tag: string,
    request: AssemblyRequest,
    control: AssemblyControl,
    settle: Settle,
  ): void {
    const { log, killAfterMs = 5000 } = this.options;
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      child.post({ type: 'cancel' });
      killTimer = setTimeout(() => child.kill(), killAfterMs);
    };
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      control.signal.removeEventListener('abort', onAbort);
      // The worker has answered (or is gone): the host ends it.
      if (this.running.has(child)) child.kill();
      outcome();
    };
    control.signal.addEventListener('abort', onAbort, { once: true });
    child.onMessage((raw) => {
      const message = parseWorkerMessage(raw);
      if (!message) return log?.warn(`${tag}: unexpected message`, raw);
      if (message.type === 'progress') return control.onProgress(message.done, message.total);
      finish(() => answer(message, control.signal, settle, log, tag));
    });
    child.onExit((code) => {
      this.running.delete(child);
      log?.info(`${tag}: worker exited with ${code}`);
      if (settled) return;
      // Killed or crashed mid-write: its temporary file beside the dossier is nobody's now.
      if (child.pid !== undefined) removeTempOutputsQuietly(request.outPath, child.pid);
      finish(() => settle.reject(control.signal.aborted ? assemblyCancelled() : assemblyCrashed()));
    });
  }
}

interface Settle {
  resolve: (pageMap: PageMap) => void;
  reject: (error: AssemblyError) => void;
}

function answer(
  message: Exclude<WorkerMessage, { type: 'progress' }>,
  signal: AbortSignal,
  settle: Settle,
  log: HostLog | undefined,
  tag: string,
): void {
  if (message.type === 'done') return settle.resolve(message.pageMap);
  if (message.detail) log?.warn(`${tag}: ${message.detail}`);
  if (message.code === 'cancelled' || signal.aborted) return settle.reject(assemblyCancelled());
  settle.reject(new AssemblyError(message.code, message.message, message.file));
}

function removeTempOutputsQuietly(outPath: string, pid: number): void {
  try {
    removeStaleTemps(outPath, pid);
  } catch {
    // the folder is gone too
  }
}
