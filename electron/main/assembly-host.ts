/**
 * Runs dossier assemblies in a `utilityProcess`, one process per job, so that running out of memory or a crash
 * in PDF code ends that job, never the window. Progress arrives and cancel leaves over the process's message
 * port (see `shared/assembly-protocol.ts`). `run` has the shape of the core's `AssemblyRunner`: the main process
 * passes it to `openServices({ runAssembly })`, and the core's dossier jobs call it.
 */
import type { ForkOptions, UtilityProcess } from 'electron';
import { isWorkerMessage, type HostMessage } from '../../shared/assembly-protocol.ts';
import { UserFacingError } from '../../shared/errors.ts';
import type { Log } from '../core/log.ts';

export type Fork = (modulePath: string, args?: string[], options?: ForkOptions) => UtilityProcess;

export interface AssemblyHostOptions {
  /** `utilityProcess.fork` (a stand-in in the tests). */
  fork: Fork;
  /** The bundled worker: `out/main/assembly-worker.cjs`. */
  workerPath: string;
  log?: Pick<Log, 'info' | 'warn' | 'error'>;
  /** How long a cancelled worker may take to stop before it is killed. */
  killAfterMs?: number;
}

export interface AssemblyControl {
  onProgress: (done: number, total: number) => void;
  signal: AbortSignal;
}

export const assemblyCrashed = () =>
  new UserFacingError(
    'assembly-crashed',
    '生成卷宗时处理程序意外退出（可能是某个文件太大或已损坏）。已输入的内容没有丢失；请重试，如果反复出现，请把日志发给技术支持。',
  );
export const assemblyCancelled = () => new UserFacingError('cancelled', '已取消生成卷宗。');

export class AssemblyHost {
  private readonly running = new Set<UtilityProcess>();
  private count = 0;

  constructor(private readonly options: AssemblyHostOptions) {}

  /**
   * Forks a worker, sends it the request, reports its progress, and answers its page map. Aborting the signal
   * sends `cancel`; a worker that does not stop within `killAfterMs` is killed. Rejects with a `UserFacingError`.
   */
  run<Request, PageMap>(request: Request, control: AssemblyControl): Promise<PageMap> {
    const { fork, workerPath, log, killAfterMs = 5000 } = this.options;
    if (control.signal.aborted) return Promise.reject(assemblyCancelled());
    const tag = `assembly #${++this.count}`;
    const child = fork(workerPath, [], { serviceName: 'Juanzong assembly', stdio: 'pipe' });
    this.running.add(child);
    child.stdout?.on('data', (chunk: Buffer) => log?.info(`${tag}: ${chunk.toString().trimEnd()}`));
    child.stderr?.on('data', (chunk: Buffer) => log?.warn(`${tag}: ${chunk.toString().trimEnd()}`));
    const post = (message: HostMessage<Request>) => child.postMessage(message);

    return new Promise<PageMap>((resolve, reject) => {
      let settled = false;
      let killTimer: NodeJS.Timeout | undefined;
      const onAbort = () => {
        post({ type: 'cancel' });
        killTimer = setTimeout(() => child.kill(), killAfterMs);
      };
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(killTimer);
        control.signal.removeEventListener('abort', onAbort);
        // The worker has answered (or is gone): the host ends it, so the worker never has to exit by itself
        // (exiting right after postMessage could lose the answer).
        if (this.running.has(child)) child.kill();
        outcome();
      };
      control.signal.addEventListener('abort', onAbort, { once: true });
      child.on('message', (message: unknown) => {
        if (!isWorkerMessage(message)) return log?.warn(`${tag}: unexpected message`, message);
        if (message.type === 'progress') return control.onProgress(message.done, message.total);
        if (message.type === 'done') return finish(() => resolve(message.pageMap as PageMap));
        finish(() => reject(new UserFacingError(message.code, message.message)));
      });
      child.on('exit', (code) => {
        this.running.delete(child);
        log?.info(`${tag}: worker exited with ${code}`);
        finish(() => reject(control.signal.aborted ? assemblyCancelled() : assemblyCrashed()));
      });
      post({ type: 'start', request });
      log?.info(`${tag}: started`);
    });
  }

  /** Kills every worker still running (on quit). */
  killAll(): void {
    for (const child of this.running) child.kill();
  }
}
