/**
 * Runs dossier assemblies in a `utilityProcess`, one process per job, so that running out of memory or a crash
 * in PDF code ends that job, never the window. Progress arrives and cancel leaves over the process's message
 * port (see `assembly-protocol.ts`). The core's job channels call `start` and hand progress on to the window.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ForkOptions, UtilityProcess } from 'electron';
import { UserFacingError } from '../../shared/errors.ts';
import {
  isWorkerMessage,
  type DoneMessage,
  type HostMessage,
  type ProgressMessage,
  type StartMessage,
} from './assembly-protocol.ts';
import type { Log } from './log.ts';

export type Fork = (modulePath: string, args?: string[], options?: ForkOptions) => UtilityProcess;

export interface AssemblyHostOptions {
  /** `utilityProcess.fork` (a stand-in in the tests). */
  fork: Fork;
  /** The bundled worker: `out/main/assembly-worker.cjs`. */
  workerPath: string;
  dataDir: string;
  nativeBinding?: string;
  log?: Pick<Log, 'info' | 'warn' | 'error'>;
  /** How long a cancelled worker may take to stop before it is killed. */
  killAfterMs?: number;
  newJobId?: () => string;
}

export interface AssemblyJob {
  jobId: string;
  /** Resolves with the finished dossier; rejects with a `UserFacingError` (`cancelled`, `assembly-crashed` …). */
  result: Promise<Omit<DoneMessage, 'type'>>;
  cancel(): void;
}

const crashed = () =>
  new UserFacingError(
    'assembly-crashed',
    '生成卷宗时处理程序意外退出（可能是某个文件太大或已损坏）。已输入的内容没有丢失；请重试，如果反复出现，请把日志发给技术支持。',
  );
const cancelled = () => new UserFacingError('cancelled', '已取消生成卷宗。');

export class AssemblyHost {
  private readonly running = new Map<string, AssemblyJob>();

  constructor(private readonly options: AssemblyHostOptions) {}

  /** Where a job's dossier is written: `<dataDir>/dossiers/<jobId>.pdf` (what `dossier:saveAs` copies). */
  dossierPath(jobId: string): string {
    return path.join(this.options.dataDir, 'dossiers', `${jobId}.pdf`);
  }

  /** Forks a worker for one assembly and sends it the job. */
  start(input: unknown, onProgress: (progress: Omit<ProgressMessage, 'type'>) => void = () => {}): AssemblyJob {
    const { fork, workerPath, dataDir, nativeBinding, log, killAfterMs = 5000 } = this.options;
    const jobId = (this.options.newJobId ?? randomUUID)();
    const child = fork(workerPath, [], { serviceName: 'Juanzong assembly', stdio: 'pipe' });
    child.stdout?.on('data', (chunk: Buffer) => log?.info(`assembly ${jobId}: ${chunk.toString().trimEnd()}`));
    child.stderr?.on('data', (chunk: Buffer) => log?.warn(`assembly ${jobId}: ${chunk.toString().trimEnd()}`));

    const post = (message: HostMessage) => child.postMessage(message);
    let settled = false;
    let wasCancelled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const result = new Promise<Omit<DoneMessage, 'type'>>((resolve, reject) => {
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(killTimer);
        this.running.delete(jobId);
        outcome();
      };
      child.on('message', (message: unknown) => {
        if (!isWorkerMessage(message)) return log?.warn(`assembly ${jobId}: unexpected message`, message);
        if (message.type === 'progress') return onProgress({ done: message.done, total: message.total });
        if (message.type === 'done') return finish(() => resolve({ pageMap: message.pageMap, outPath: message.outPath }));
        finish(() => reject(new UserFacingError(message.code, message.message)));
      });
      child.on('exit', (code) => {
        log?.info(`assembly ${jobId}: worker exited with ${code}`);
        finish(() => reject(wasCancelled ? cancelled() : crashed()));
      });
    });

    const job: AssemblyJob = {
      jobId,
      result,
      cancel: () => {
        if (settled || wasCancelled) return;
        wasCancelled = true;
        post({ type: 'cancel' });
        killTimer = setTimeout(() => child.kill(), killAfterMs);
      },
    };
    const start: StartMessage = {
      type: 'start',
      jobId,
      input,
      outPath: this.dossierPath(jobId),
      context: { dataDir, ...(nativeBinding ? { nativeBinding } : {}) },
    };
    post(start);
    this.running.set(jobId, job);
    log?.info(`assembly ${jobId}: started`);
    return job;
  }

  /** The running job with this id, if any. */
  get(jobId: string): AssemblyJob | undefined {
    return this.running.get(jobId);
  }

  /** Cancels everything still running (on quit). */
  cancelAll(): void {
    for (const job of this.running.values()) job.cancel();
  }
}
