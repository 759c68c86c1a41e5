/**
 * A child process that assembles one manifest per message with the engine's own `assembleDossier`, loaded once:
 * the corpus test's fast path (a CLI process per file spends most of its second starting up). The parent kills
 * and replaces it when a file takes too long, so a hang or a crash costs one file, never the run.
 * Run with `node --import tsx`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { manifest as manifestSchema } from '#shared/manifest.ts';
import { assembleDossier, DossierInputError } from '../../electron/core/dossier/index.ts';

export interface CorpusJob {
  manifest: string;
  out: string;
}

export type CorpusReply =
  | { ok: true; pageMap: { pages: number; sections: { id: string; firstPage: number; lastPage: number }[] } }
  | { ok: false; named: boolean; message: string };

async function assembleJob(job: CorpusJob): Promise<CorpusReply> {
  try {
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(job.manifest, 'utf8')));
    const { pageMap } = await assembleDossier({ manifest, baseDir: path.dirname(job.manifest), outPath: job.out });
    return { ok: true, pageMap };
  } catch (error) {
    // As `juanzong assemble` prints it: the message, then the file of a refused input.
    const file = error instanceof DossierInputError && error.file ? `\n文件：${error.file}` : '';
    return { ok: false, named: error instanceof DossierInputError, message: `${(error as Error).message}${file}` };
  }
}

process.on('message', (job: CorpusJob) => {
  void assembleJob(job).then((reply) => process.send!(reply));
});
