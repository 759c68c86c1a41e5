/**
 * `inspectFiles`: the inspection of input files on a worker thread, so that neither the app's main process nor
 * the window ever waits on it. Each file has a time budget and the thread a memory budget: a file that runs over
 * is reported `failed` (its pages then get no proposals) and the next file goes to a fresh thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileInspection } from '#shared/page-findings.ts';
import type { InspectReply, InspectRequest } from './inspect-worker.ts';

export interface InspectBudget {
  /** Per file; enough for ~100 scanned pages on a busy 2-core machine. Default 120 s. */
  timeoutMs?: number;
  /** The thread's JavaScript heap; OpenCV's and Tesseract's WebAssembly memory come on top. Default 256 MiB. */
  heapMb?: number;
  /** Stops at once: the thread is ended and the files not inspected yet come back `failed: 'stopped'`. */
  signal?: AbortSignal;
  /** Told each file's findings as soon as they are made (`index` in `files`), before the next file starts. */
  onInspected?: (result: FileInspection, index: number) => void;
}

/** The compiled worker beside the CLI bundle, or the TypeScript one (through tsx) beside this file. */
function workerUrl(): URL {
  const bundled = new URL('./inspect-worker.cjs', import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL('./inspect-worker.mjs', import.meta.url);
}

type Unfinished = NonNullable<FileInspection['failed']>;

class InspectionThread {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private pending?: { resolve: (r: FileInspection | Unfinished) => void };

  constructor(heapMb: number) {
    // Tesseract's WebAssembly prints notes ("Too few characters…") to stdout: taken and dropped, never the CLI's.
    this.worker = new Worker(workerUrl(), {
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
      stdout: true,
      stderr: true,
    });
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    this.ready = new Promise((resolve) => {
      this.worker.on('message', (m: InspectReply) => {
        if (m.type === 'ready') resolve();
        else this.pending?.resolve(m.result);
      });
    });
    this.worker.on('error', () => this.pending?.resolve('memory'));
    this.worker.on('exit', () => this.pending?.resolve('memory'));
  }

  async inspect(file: string, timeoutMs: number, signal?: AbortSignal): Promise<FileInspection | Unfinished> {
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    let answered = false;
    const result = await new Promise<FileInspection | Unfinished>((answer) => {
      const resolve = (r: FileInspection | Unfinished) => ((answered = true), answer(r));
      this.pending = { resolve };
      onAbort = () => resolve('stopped');
      signal?.addEventListener('abort', onAbort, { once: true });
      void this.ready.then(() => {
        if (answered) return; // stopped while the thread was starting
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
        this.worker.postMessage({ type: 'inspect', file } satisfies InspectRequest);
      });
    });
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    this.pending = undefined;
    return result;
  }

  async stop(): Promise<void> {
    this.worker.postMessage({ type: 'stop' } satisfies InspectRequest);
    const stopped = new Promise((resolve) => this.worker.once('exit', resolve));
    const timer = setTimeout(() => void this.worker.terminate(), 5000);
    await stopped;
    clearTimeout(timer);
  }

  kill(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * Inspects `files` one after another on one worker thread (a fresh one after a file that ran over its budget).
 * @example const [licence] = await inspectFiles(['/docs/licence.jpg']); licence.pages[0].proposals.crop
 */
export async function inspectFiles(files: string[], budget: InspectBudget = {}): Promise<FileInspection[]> {
  const timeoutMs = budget.timeoutMs ?? 120_000;
  const heapMb = budget.heapMb ?? 256;
  const results: FileInspection[] = [];
  let thread: InspectionThread | undefined;
  for (const file of files) {
    if (budget.signal?.aborted) {
      results.push({ file, pages: [], failed: 'stopped', ms: 0 });
      continue;
    }
    thread ??= new InspectionThread(heapMb);
    const started = performance.now();
    const result = await thread.inspect(file, timeoutMs, budget.signal);
    if (typeof result !== 'string') {
      results.push(result);
    } else {
      await thread.kill();
      thread = undefined;
      results.push({ file, pages: [], failed: result, ms: Math.round(performance.now() - started) });
    }
    budget.onInspected?.(results.at(-1)!, results.length - 1);
  }
  await thread?.stop();
  return results;
}
