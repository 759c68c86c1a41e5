/** Worker-thread entry: inspects one file (`inspectInput`) and posts the summary or why it was refused. */
import { parentPort, workerData } from 'node:worker_threads';
import { DossierInputError, inspectInput } from '../dossier/index.ts';
import type { FileKind } from '#shared/file-kinds.ts';

export type InspectMessage =
  | { ready: true }
  | { ok: true; summary: Awaited<ReturnType<typeof inspectInput>> }
  | { ok: false; refused: { code: string; file: string; detail: string } | null; message: string };

const post = (message: InspectMessage) => parentPort!.postMessage(message);

// Loaded (the dossier engine included): the budget starts now, so a slow start on a busy machine is not counted.
post({ ready: true });
// No top-level await: the bundles are CommonJS.
const { file, kind } = workerData as { file: string; kind?: FileKind };
inspectInput(file, kind).then(
  (summary) => post({ ok: true, summary }),
  (error: unknown) => {
    const refused =
      error instanceof DossierInputError ? { code: error.code, file: error.file, detail: error.detail } : null;
    post({ ok: false, refused, message: error instanceof Error ? error.message : String(error) });
  },
);
