/**
 * The messages between the Electron main process and the assembly worker (`out/main/assembly-worker.cjs`, bundled
 * from `electron/core/dossier/worker-entry.ts` and run in a `utilityProcess`, so a crash there never takes the
 * window down). One worker process runs one job, then exits.
 *
 *   main → worker   {type: 'start', request}          once, first (the core's `AssemblyRequest`)
 *   worker → main   {type: 'progress', done, total}   any number of times
 *   main → worker   {type: 'cancel'}                  at most once: the worker aborts its AbortSignal
 *   worker → main   {type: 'done', pageMap}           or
 *   worker → main   {type: 'error', code, message}    exactly one of the two; then the host ends the process
 *
 * The worker reads `process.parentPort`'s 'message' events (`event.data` is the message) and answers with
 * `process.parentPort.postMessage`. A worker that exits without answering is reported as `assembly-crashed`.
 * Pure types and one guard: the core's worker entry and the shell both import them.
 */

export interface StartMessage<Request = unknown> {
  type: 'start';
  /** The core's assembly request (manifest, baseDir, outPath, checklistPath), passed through untouched. */
  request: Request;
}

export interface CancelMessage {
  type: 'cancel';
}

export interface ProgressMessage {
  type: 'progress';
  done: number;
  total: number;
}

export interface DoneMessage<PageMap = unknown> {
  type: 'done';
  /** Where each material landed in the dossier (the core's type, passed through untouched). */
  pageMap: PageMap;
}

export interface ErrorMessage {
  type: 'error';
  /** Stable, kebab-case, as in `ApiError`: `cancelled`, `pdf-needs-password`, `internal` … */
  code: string;
  /** Chinese, for the clerk. */
  message: string;
}

export type HostMessage<Request = unknown> = StartMessage<Request> | CancelMessage;
export type WorkerMessage<PageMap = unknown> = ProgressMessage | DoneMessage<PageMap> | ErrorMessage;

/** Narrows what arrives from the worker; anything else is ignored (and logged by the host). */
export function isWorkerMessage(value: unknown): value is WorkerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'progress':
      return typeof m.done === 'number' && typeof m.total === 'number';
    case 'done':
      return 'pageMap' in m;
    case 'error':
      return typeof m.code === 'string' && typeof m.message === 'string';
    default:
      return false;
  }
}

/** Narrows what arrives from the host (for the worker's side). */
export function isHostMessage(value: unknown): value is HostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return (type === 'start' && 'request' in value) || type === 'cancel';
}
