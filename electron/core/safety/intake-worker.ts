/**
 * Worker-thread entry: inspects the files it is handed (`inspectInput`), one at a time, and posts each summary or
 * why it was refused. It lives on between files so qpdf and the dossier engine load once per process.
 */
import { parentPort } from 'node:worker_threads';
import { DossierInputError, inspectInput } from '../dossier/index.ts';
import type { FileKind } from '#shared/file-kinds.ts';

export interface InspectRequest {
  file: string;
  kind?: FileKind;
}

export type InspectMessage =
  | { ready: true }
  | { ok: true; summary: Awaited<ReturnType<typeof inspectInput>> }
  | { ok: false; refused: { code: string; file: string; detail: string } | null; message: string };

const post = (message: InspectMessage) => parentPort!.postMessage(message);

function inspect({ file, kind }: InspectRequest): void {
  inspectInput(file, kind).then(
    (summary) => post({ ok: true, summary }),
    (error: unknown) => {
      const refused =
        error instanceof DossierInputError ? { code: error.code, file: error.file, detail: error.detail } : null;
      post({ ok: false, refused, message: error instanceof Error ? error.message : String(error) });
    },
  );
}

parentPort!.on('message', inspect);
// Loaded (the dossier engine included): budgets start now, so a slow start on a busy machine is not counted.
post({ ready: true });
