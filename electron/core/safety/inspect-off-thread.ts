/**
 * Inspecting a file from outside (`inspectInput`: qpdf's page count, repair, pdf-lib's parse) on a worker thread
 * with a time and a memory budget. A compression bomb (a 3.8 KB PDF whose object stream inflates to 0.5 GiB: 61 s
 * and 2.2 GB on the attaching thread, measured) is stopped and refused by name; the thread that serves the window
 * never waits on it.
 *
 * One worker per process serves the files one at a time (starting one costs 0.7–2 s, more than most inspections);
 * a file that runs over its budget takes its worker down with it and the next file gets a fresh one.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserFacingError } from '#shared/errors.ts';
import { DossierInputError, type DossierInputErrorCode, type InputSummary } from '../dossier/index.ts';
import type { InspectMessage, InspectRequest } from './intake-worker.ts';
import type { FileKind } from '#shared/file-kinds.ts';

export interface InspectBudget {
  /** Wall time for one file (default 20 s). */
  ms: number;
  /** Memory the inspection may add to the process, JavaScript and WebAssembly together (default 1 GiB). */
  bytes: number;
}

const startUpMs = 120_000;
/** An idle worker holds qpdf's memory: it is let go after this long without a file. */
const idleMs = 30_000;

export const defaultBudget: InspectBudget = { ms: 20_000, bytes: 1024 * 1024 * 1024 };

/** The worker script: the bundle's compiled copy beside it, or the source bootstrap. */
function workerUrl(): URL {
  const bundled = new URL('./intake-worker.cjs', import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL('./intake-worker.mjs', import.meta.url);
}

export class InspectionBudgetError extends UserFacingError {
  constructor(label: string, over: 'time' | 'memory', budget: InspectBudget) {
    const what =
      over === 'time' ? `超过 ${budget.ms / 1000} 秒` : `需要超过 ${Math.round(budget.bytes / 1024 / 1024)} MB 内存`;
    super(
      'file-too-complex',
      `「${label}」检查时${what}，卷宗停止了检查，没有添加它。这个文件可能含有异常压缩的内容（例如解压后极大的数据）。` +
        '请用 PDF 阅读器打开它，“打印为 PDF”另存一份再添加；如果打不开，请向出具方重新索取。',
    );
    this.name = 'InspectionBudgetError';
  }
}

interface IntakeThread {
  worker: Worker;
  /** The heap limit it was started with: a file with another memory budget needs another worker. */
  heapBytes: number;
  ready: boolean;
  idle?: NodeJS.Timeout;
}

let current: IntakeThread | undefined;
/** Files wait here for the worker, one at a time. */
let queue: Promise<unknown> = Promise.resolve();

function startThread(heapBytes: number): IntakeThread {
  const worker = new Worker(workerUrl(), {
    resourceLimits: { maxOldGenerationSizeMb: Math.ceil(heapBytes / 1024 / 1024) },
  });
  const thread: IntakeThread = { worker, heapBytes, ready: false };
  worker.on('message', (m: InspectMessage) => 'ready' in m && (thread.ready = true));
  worker.on('error', () => undefined); // told to the file being inspected, if any; the worker is gone either way
  worker.on('exit', () => retire(thread));
  return thread;
}

function retire(thread: IntakeThread): void {
  if (current === thread) current = undefined;
  clearTimeout(thread.idle);
  void thread.worker.terminate();
}

function threadFor(budget: InspectBudget): IntakeThread {
  if (current && current.heapBytes !== budget.bytes) retire(current);
  current ??= startThread(budget.bytes);
  clearTimeout(current.idle);
  current.worker.ref();
  return current;
}

/** Between files the worker keeps nothing alive: the CLI exits as soon as its own work is done. */
function rest(thread: IntakeThread): void {
  thread.worker.unref();
  thread.idle = setTimeout(() => retire(thread), idleMs);
  thread.idle.unref();
}

function inspectOnThread(file: string, label: string, kind: FileKind | undefined, budget: InspectBudget) {
  const thread = threadFor(budget);
  const { worker } = thread;
  const baseline = process.memoryUsage.rss();
  return new Promise<InputSummary>((resolve, reject) => {
    const finish = (healthy: boolean, settle: () => void) => {
      clearTimeout(timer);
      clearInterval(watch);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (healthy) rest(thread);
      else retire(thread);
      settle();
    };
    const over = (what: 'time' | 'memory') =>
      finish(false, () => reject(new InspectionBudgetError(label, what, budget)));
    // Until the worker has loaded, a generous start-up limit applies (a busy machine starts it slowly).
    let timer = setTimeout(() => over('time'), thread.ready ? budget.ms : startUpMs + budget.ms);
    // WebAssembly memory (qpdf) and Buffers are outside the heap limit: the process's growth is what counts.
    const watch = setInterval(() => process.memoryUsage.rss() - baseline > budget.bytes && over('memory'), 50);
    const onMessage = (m: InspectMessage) => {
      if ('ready' in m) {
        clearTimeout(timer);
        timer = setTimeout(() => over('time'), budget.ms);
      } else if (m.ok) finish(true, () => resolve(m.summary));
      else if (m.refused) {
        const { code, detail } = m.refused;
        finish(true, () => reject(new DossierInputError(code as DossierInputErrorCode, label, detail)));
      } else finish(true, () => reject(new Error(m.message)));
    };
    const onError = (error: Error) => {
      const heap = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(false, () => reject(heap ? new InspectionBudgetError(label, 'memory', budget) : error));
    };
    const onExit = (code: number) =>
      finish(false, () => reject(new Error(`inspect worker exited (${code}) without a result`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ file, kind } satisfies InspectRequest);
  });
}

/**
 * `inspectInput(file)` on the intake worker, stopped past `budget`. `label` is the name the clerk knows the file
 * by, for the refusal. Files are served in the order they come; each budget counts from its own start.
 *
 * @example const { pages } = await inspectOffThread(storedPath, '营业执照.pdf');
 */
export function inspectOffThread(
  file: string,
  label: string,
  kind?: FileKind,
  budget: InspectBudget = defaultBudget,
): Promise<InputSummary> {
  const turn = queue.then(() => inspectOnThread(file, label, kind, budget));
  queue = turn.catch(() => undefined);
  return turn;
}
