/**
 * One lane of the corpus run: a long-lived `corpus-worker.ts` child that takes one job at a time. A job that
 * outlives its time limit, or a child that dies, costs that job only: the child is killed and replaced.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CorpusJob, CorpusReply } from './corpus-worker.ts';

const WORKER = fileURLToPath(new URL('./corpus-worker.ts', import.meta.url));

/** The worker's answer, or how it ended without one: it hung past the time limit, or it died. */
export type LaneResult = CorpusReply | { ok: false; hung: boolean; died: string };

export class WorkerLane {
  private child: ChildProcess | undefined;
  private stderr = '';

  private start(): ChildProcess {
    const child = fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-2000);
    });
    return child;
  }

  /** Runs one job in the lane's child, starting one when there is none. */
  run(job: CorpusJob, timeoutMs: number): Promise<LaneResult> {
    const child = (this.child ??= this.start());
    this.stderr = '';
    return new Promise((resolve) => {
      const done = (result: LaneResult): void => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(result);
      };
      const onMessage = (reply: CorpusReply): void => done(reply);
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
        this.child = undefined;
        const how = signal ? `killed by ${signal}` : `exited ${code}`;
        done({ ok: false, hung: false, died: `${how}: ${this.stderr.trim().slice(-400)}` });
      };
      const timer = setTimeout(() => {
        child.off('exit', onExit);
        child.kill('SIGKILL');
        this.child = undefined;
        done({ ok: false, hung: true, died: `no answer within ${timeoutMs / 1000} s` });
      }, timeoutMs);
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send(job);
    });
  }

  close(): void {
    this.child?.kill();
    this.child = undefined;
  }
}
