/**
 * The PDF robustness corpus in `../shared/corpus/`: 667 files other projects keep for testing their PDF readers,
 * with what qpdf 11 says of each (`index.tsv`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../fixtures/fixture-cache.ts';

export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');

export interface CorpusFile {
  file: string;
  bytes: number;
  /** qpdf's page count, or null where qpdf cannot count them. */
  qpdfPages: number | null;
  qpdfCheck: string;
  encryption: 'none' | 'owner-only' | 'user-password';
}

/** Every row of index.tsv. */
export function corpusFiles(): CorpusFile[] {
  const lines = readFileSync(path.join(CORPUS_DIR, 'index.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [file, bytes, pages, check, encryption] = line.split('\t') as [string, string, string, string, string];
    return {
      file,
      bytes: Number(bytes),
      qpdfPages: pages === '-' ? null : Number(pages),
      qpdfCheck: check,
      encryption: encryption as CorpusFile['encryption'],
    };
  });
}

export function corpusPath(file: string): string {
  return path.join(CORPUS_DIR, 'pdf', file);
}
