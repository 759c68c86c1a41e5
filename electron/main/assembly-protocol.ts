/**
 * The messages between the main process and the assembly worker (`out/main/assembly-worker.cjs`, run in a
 * `utilityProcess`: a crash there never takes the window down). One worker process runs one job, then exits.
 *
 *   main → worker   {type: 'start', jobId, input, outPath, context}   once, first
 *   worker → main   {type: 'progress', done, total}                   any number of times
 *   main → worker   {type: 'cancel'}                                  at most once
 *   worker → main   {type: 'done', pageMap, outPath}                  or
 *   worker → main   {type: 'error', code, message}                    exactly one of the two, then it exits
 *
 * The worker reads messages from `process.parentPort` and answers with `process.parentPort.postMessage`.
 * A cancelled job answers `{type: 'error', code: 'cancelled'}`; a worker that exits without answering is
 * reported as `assembly-crashed`. Pure types: the core's worker entry may import them (plain Node, no Electron).
 */

/** What the core's assembly needs besides its own input: where the data is, and the SQLite build to load. */
export interface AssemblyContext {
  dataDir: string;
  /** better-sqlite3's addon built for Electron (the worker runs on Electron's Node, not the system's). */
  nativeBinding?: string;
}

export interface StartMessage<Input = unknown> {
  type: 'start';
  jobId: string;
  /** The core's assembly input (e.g. the application id and options), passed through untouched. */
  input: Input;
  /** Where to write the dossier PDF: `<dataDir>/dossiers/<jobId>.pdf`; write a temp file and rename. */
  outPath: string;
  context: AssemblyContext;
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
  outPath: string;
}

export interface ErrorMessage {
  type: 'error';
  /** Stable, kebab-case, as in `ApiError`: `cancelled`, `pdf-needs-password`, `internal` … */
  code: string;
  /** Chinese, for the clerk. */
  message: string;
}

export type HostMessage = StartMessage | CancelMessage;
export type WorkerMessage = ProgressMessage | DoneMessage | ErrorMessage;

/** Narrows what arrives from the worker; anything else is ignored (and logged by the host). */
export function isWorkerMessage(value: unknown): value is WorkerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'progress':
      return typeof m.done === 'number' && typeof m.total === 'number';
    case 'done':
      return typeof m.outPath === 'string';
    case 'error':
      return typeof m.code === 'string' && typeof m.message === 'string';
    default:
      return false;
  }
}
