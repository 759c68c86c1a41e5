/**
 * Inspecting a file from outside (`inspectInput`: qpdf's page count, repair, pdf-lib's parse) on a worker thread
 * with a time and a memory budget. A compression bomb (a 3.8 KB PDF whose object stream inflates to 0.5 GiB: 61 s
 * and 2.2 GB on the attaching thread, measured) is stopped and refused by name; the thread that serves the window
 * never waits on it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserFacingError } from '#shared/errors.ts';
import { DossierInputError, type DossierInputErrorCode, type InputSummary } from '../dossier/index.ts';
import type { InspectMessage } from './intake-worker.ts';
import type { FileKind } from '#shared/file-kinds.ts';

export interface InspectBudget {
  /** Wall time for one file (default 20 s). */
  ms: number;
  /** Memory the inspection may add to the process, JavaScript and WebAssembly together (default 1 GiB). */
  bytes: number;
}

const startUpMs = 120_000;

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

/**
 * `inspectInput(file)` on a worker thread, stopped past `budget`. `label` is the name the clerk knows the file
 * by, for the refusal.
 *
 * @example const { pages } = await inspectOffThread(storedPath, '营业执照.pdf');
 */
export function inspectOffThread(
  file: string,
  label: string,
  kind?: FileKind,
  budget: InspectBudget = defaultBudget,
): Promise<InputSummary> {
  const baseline = process.memoryUsage.rss();
  const worker = new Worker(workerUrl(), {
    workerData: { file, kind },
    resourceLimits: { maxOldGenerationSizeMb: Math.ceil(budget.bytes / 1024 / 1024) },
  });
  return new Promise<InputSummary>((resolve, reject) => {
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      void worker.terminate();
      settle();
    };
    const over = (what: 'time' | 'memory') => finish(() => reject(new InspectionBudgetError(label, what, budget)));
    // Until the worker has loaded, only a generous start-up limit applies (a busy machine starts it slowly).
    let timer = setTimeout(() => over('time'), startUpMs + budget.ms);
    // WebAssembly memory (qpdf) and Buffers are outside the heap limit: the process's growth is what counts.
    const watch = setInterval(() => process.memoryUsage.rss() - baseline > budget.bytes && over('memory'), 50);
    worker.on('message', (m: InspectMessage) => {
      if ('ready' in m) {
        clearTimeout(timer);
        timer = setTimeout(() => over('time'), budget.ms);
      } else if (m.ok) finish(() => resolve(m.summary));
      else if (m.refused)
        finish(() => reject(new DossierInputError(m.refused!.code as DossierInputErrorCode, label, m.refused!.detail)));
      else finish(() => reject(new Error(m.message)));
    });
    worker.on('error', (error) => {
      const heap = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(() => reject(heap ? new InspectionBudgetError(label, 'memory', budget) : error));
    });
    worker.on('exit', (code) => finish(() => reject(new Error(`inspect worker exited (${code}) without a result`))));
  });
}
