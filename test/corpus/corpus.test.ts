/**
 * Every file of the PDF robustness corpus, each through `juanzong assemble` as the application form of a
 * one-material manifest (duplex off, so no blank pages): the dossier must carry exactly the pages qpdf counts
 * in the file, or the file must be refused with its name on stderr and nothing written. No crash, no hang.
 * Page counts of the outputs come from qpdf, never from Juanzong's own reading.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureManifest } from '../fixtures/dossier-fixtures.ts';
import { scratchDir } from '../fixtures/fixture-cache.ts';
import { makeTokenPdf, A4 } from '../fixtures/token-pdf.ts';
import { assemble, runProcess, type ProcessResult } from '../acceptance/assemble-cli.ts';
import { corpusFiles, corpusPath, type CorpusFile } from './corpus-index.ts';
import { mapWithConcurrency } from './pool.ts';

/** Per file: the largest corpus file (4 MB, 206 pages) takes a few seconds; a hang is cut off here. */
const TIME_LIMIT_MS = 30_000;
/** Two cores are shared with the rest of the test run. */
const CONCURRENCY = 2;

interface Outcome {
  run: ProcessResult;
  /** The output's page count by qpdf, when the run succeeded. */
  outputPages: number | null;
  /** The page map's count of application-form pages, when the run succeeded. */
  mappedPages: number | null;
  outputExists: boolean;
}

const rows = corpusFiles();
const outcomes = new Map<string, Outcome>();
let frontPages = 0;

/** qpdf's page count of a PDF (qpdf exits 3 on mere warnings), or null when it cannot count them. */
async function countPages(tool: 'qpdf' | 'pdfinfo', pdf: string): Promise<number | null> {
  const run =
    tool === 'qpdf'
      ? await runProcess('qpdf', ['--show-npages', pdf], TIME_LIMIT_MS)
      : await runProcess('pdfinfo', [pdf], TIME_LIMIT_MS);
  if (run.code !== 0 && run.code !== 3) return null;
  const match = tool === 'qpdf' ? /^(\d+)\s*$/.exec(run.stdout) : /^Pages:\s+(\d+)/m.exec(run.stdout);
  return match ? Number(match[1]) : null;
}

function writeManifest(dir: string, file: string): string {
  const manifest = {
    ...fixtureManifest({ duplex: false, sealMarkers: true }),
    materials: [{ id: 'application-form', files: [file] }],
  };
  const at = path.join(dir, 'manifest.json');
  writeFileSync(at, JSON.stringify(manifest, null, 2));
  return at;
}

function sectionPages(stdout: string): number | null {
  try {
    const map = JSON.parse(stdout) as { sections: { id: string; firstPage: number; lastPage: number }[] };
    const s = map.sections.find((x) => x.id === 'application-form');
    return s ? s.lastPage - s.firstPage + 1 : 0;
  } catch {
    return null;
  }
}

/** Assembles one input file in a folder of its own; the folder is removed unless something looks wrong. */
async function assembleOne(dir: string, name: string, input: string): Promise<Outcome> {
  mkdirSync(dir, { recursive: true });
  copyFileSync(input, path.join(dir, name));
  const out = path.join(dir, 'dossier.pdf');
  const run = await assemble(writeManifest(dir, name), out, [], TIME_LIMIT_MS);
  const outputExists = existsSync(out);
  const ok = run.code === 0 && outputExists;
  const outcome: Outcome = {
    run,
    outputExists,
    outputPages: ok ? await countPages('qpdf', out) : null,
    mappedPages: ok ? sectionPages(run.stdout) : null,
  };
  if (run.code !== 0 && !outputExists) rmSync(dir, { recursive: true, force: true });
  else if (ok) rmSync(path.join(dir, name));
  return outcome;
}

/** What a user would see wrong with one file's outcome; empty when it is right. */
function problems(row: CorpusFile, o: Outcome, poppler: number | null): string[] {
  const { run } = o;
  const said = `stderr: ${run.stderr.trim().slice(0, 300)}`;
  if (run.timedOut) return [`hung: no answer within ${TIME_LIMIT_MS / 1000} s`];
  if (run.signal || (run.code ?? 0) >= 128) return [`crashed (${run.signal ?? `exit ${run.code}`}); ${said}`];
  if (run.code !== 0) {
    const found: string[] = [];
    if (!run.stderr.includes(row.file)) found.push(`refused without naming the file; ${said}`);
    if (o.outputExists) found.push('refused, but wrote a file at --out');
    return found;
  }
  if (row.encryption === 'user-password') return ['took a file that needs a password it was never given'];
  const expected = row.qpdfPages ?? poppler;
  if (expected === null) return ['took a file that neither qpdf nor poppler can read a page count from'];
  const found: string[] = [];
  if (o.outputPages !== frontPages + expected) {
    found.push(`dossier has ${o.outputPages} pages by qpdf, want ${frontPages} front pages + ${expected}`);
  }
  if (o.mappedPages !== expected) found.push(`page map gives the material ${o.mappedPages} pages, want ${expected}`);
  return found;
}

beforeAll(async () => {
  const root = scratchDir('corpus');
  const reference = path.join(root, 'reference.pdf');
  makeTokenPdf(reference, 'REF', [{ ...A4, label: 'A4' }]);
  const ref = await assembleOne(path.join(root, 'reference'), 'reference-input.pdf', reference);
  if (ref.outputPages === null) throw new Error(`the one-page reference did not assemble: ${ref.run.stderr}`);
  frontPages = ref.outputPages - 1;
  const started = performance.now();
  const results = await mapWithConcurrency(rows, CONCURRENCY, (row) =>
    assembleOne(path.join(root, String(rows.indexOf(row) + 1).padStart(3, '0')), row.file, corpusPath(row.file)),
  );
  rows.forEach((row, i) => outcomes.set(row.file, results[i]!));
  const took = (performance.now() - started) / 1000;
  const refused = results.filter((r) => r.run.code !== 0).length;
  console.log(`corpus: ${rows.length} files in ${took.toFixed(0)} s (${refused} refused), ${frontPages} front pages`);
}, 20 * 60_000);

describe('the PDF robustness corpus through juanzong assemble', () => {
  it.each(rows)('$file: all its pages, or refused by name', async (row) => {
    const outcome = outcomes.get(row.file)!;
    const poppler = row.qpdfPages === null && outcome.run.code === 0 ? await countPages('pdfinfo', corpusPath(row.file)) : null;
    expect(problems(row, outcome, poppler)).toEqual([]);
  });
});
