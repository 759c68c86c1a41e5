/**
 * Every file of the PDF robustness corpus as the application form of a one-material manifest (duplex off, so
 * no blank pages): the dossier must carry exactly the pages qpdf counts in the file, or the file must be refused
 * with its name in the error and nothing written. No crash, no hang (a time limit per file). The words poppler
 * reads in the source must all be on the material's pages of the dossier: no page went silently blank.
 *
 * All 667 go through the engine's `assembleDossier` in two long-lived worker processes (a CLI process per file
 * spends most of its time starting up); every 16th file, and the one-page reference that sizes the front matter,
 * also go through `juanzong assemble` itself, which must agree. Output page counts come from qpdf, and every
 * dossier must pass `qpdf --check` with exit 0.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemble } from '../acceptance/assemble-cli.ts';
import { fixtureManifest } from '../fixtures/dossier-fixtures.ts';
import { scratchDir } from '../fixtures/fixture-cache.ts';
import { A4, makeTokenPdf } from '../fixtures/token-pdf.ts';
import { corpusFiles, corpusPath, type CorpusFile } from './corpus-index.ts';
import { KNOWN_TEXT_LOSS } from './known-text-loss.ts';
import { countPages, judge, missingText, qpdfCheckFailure, type Outcome } from './outcome.ts';
import { mapWithConcurrency } from './pool.ts';
import { WorkerLane } from './worker-lane.ts';

/** Per file. The largest corpus file (4 MB, 206 pages) takes a few seconds; a hang is cut off here. */
const TIME_LIMIT_MS = 30_000;
/** Two cores are shared with the rest of the test run. */
const LANES = 2;
const CLI_SAMPLE_EVERY = 16;

const rows = corpusFiles();
const sampled = rows.filter((_, i) => i % CLI_SAMPLE_EVERY === 0);
const inProcess = new Map<string, Outcome>();
const viaCli = new Map<string, Outcome>();
const lanes = Array.from({ length: LANES }, () => new WorkerLane());
let root = '';
let frontPages = 0;

/** A folder of its own per file and route: the input copied in, a manifest naming it, the dossier path. */
function stage(file: string, input: string, route: string): { manifest: string; out: string; dir: string } {
  const dir = path.join(root, route, file.replace(/[^\w.-]/g, '_'));
  mkdirSync(dir, { recursive: true });
  copyFileSync(input, path.join(dir, file));
  // Seal marks on through the CLI sample only: placing them renders every marked page (pdfjs on hostile files),
  // ~60 ms a page, which for the corpus's 3,800 pages in-process would add minutes to the run.
  const base = fixtureManifest({ duplex: false, sealMarkers: route === 'cli' });
  // Taken whole: every page counted against qpdf's, so the page inspection (which leaves out blank backs) is off.
  const manifest = {
    ...base,
    options: { ...base.options, autoFix: false },
    materials: [{ id: 'application-form', files: [file] }],
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { manifest: path.join(dir, 'manifest.json'), out: path.join(dir, 'dossier.pdf'), dir };
}

type Raw = Omit<Outcome, 'outputPages' | 'outputExists'>;

/**
 * Counts the output's pages with qpdf and, given the source, compares their text with poppler; then removes
 * the folder unless the outcome needs a look.
 */
async function settle(outcome: Raw, out: string, dir: string, source?: string): Promise<Outcome> {
  const outputExists = existsSync(out);
  const ok = outcome.status === 'ok' && outputExists;
  const outputPages = ok ? await countPages('qpdf', out) : null;
  const qpdfCheck = ok ? await qpdfCheckFailure(out) : undefined;
  const missing = ok && source && outcome.pageMap ? await missingText(source, out, outcome.pageMap) : [];
  if ((outcome.status === 'refused' && !outputExists) || (ok && missing.length === 0 && !qpdfCheck))
    rmSync(dir, { recursive: true, force: true });
  return { ...outcome, outputExists, outputPages, missingText: missing, ...(qpdfCheck ? { qpdfCheck } : {}) };
}

async function throughCli(file: string, input: string): Promise<Outcome> {
  const { manifest, out, dir } = stage(file, input, 'cli');
  // Not checked by the helper (it would throw): settle() checks it and the test judges it, file by file.
  const run = await assemble(manifest, out, [], TIME_LIMIT_MS, false);
  const status = run.timedOut
    ? 'hung'
    : run.signal || (run.code ?? 0) >= 128
      ? 'crashed'
      : run.code === 0
        ? 'ok'
        : 'refused';
  return settle(
    { status, message: run.stderr || String(run.signal ?? run.code), pageMap: status === 'ok' ? run.stdout : null },
    out,
    dir,
  );
}

async function inWorker(lane: WorkerLane, file: string): Promise<Outcome> {
  const { manifest, out, dir } = stage(file, corpusPath(file), 'in-process');
  const reply = await lane.run({ manifest, out }, TIME_LIMIT_MS);
  if (reply.ok)
    return settle({ status: 'ok', message: '', pageMap: JSON.stringify(reply.pageMap) }, out, dir, corpusPath(file));
  if ('died' in reply)
    return settle({ status: reply.hung ? 'hung' : 'crashed', message: reply.died, pageMap: null }, out, dir);
  return settle({ status: 'refused', message: reply.message, pageMap: null }, out, dir);
}

/** Runs every file, `LANES` at a time, each lane on its own worker process. */
async function runAllInWorkers(): Promise<void> {
  let next = 0;
  await Promise.all(
    lanes.map(async (lane) => {
      while (next < rows.length) {
        const row = rows[next++]!;
        inProcess.set(row.file, await inWorker(lane, row.file));
      }
    }),
  );
}

beforeAll(async () => {
  root = scratchDir('corpus');
  const reference = path.join(root, 'reference.pdf');
  makeTokenPdf(reference, 'REF', [{ ...A4, label: 'A4' }]);
  const ref = await throughCli('reference-input.pdf', reference);
  if (ref.outputPages === null) throw new Error(`the one-page reference did not assemble: ${ref.message}`);
  frontPages = ref.outputPages - 1;
  let started = performance.now();
  await runAllInWorkers();
  const workerSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const cli = await mapWithConcurrency(sampled, LANES, (row) => throughCli(row.file, corpusPath(row.file)));
  sampled.forEach((row, i) => viaCli.set(row.file, cli[i]!));
  const refused = [...inProcess.values()].filter((o) => o.status === 'refused').length;
  const summary = rows.map((r) => ({
    file: r.file,
    status: inProcess.get(r.file)!.status,
    message: inProcess.get(r.file)!.message.slice(0, 200),
  }));
  writeFileSync(path.join(root, 'outcomes.json'), JSON.stringify(summary, null, 1));
  console.log(
    `corpus: ${rows.length} files in-process in ${workerSeconds.toFixed(0)} s (${refused} refused); ` +
      `${sampled.length} through the CLI in ${((performance.now() - started) / 1000).toFixed(0)} s; ${frontPages} front pages`,
  );
}, 20 * 60_000);

afterAll(() => lanes.forEach((lane) => lane.close()));

describe('the PDF robustness corpus through the dossier engine', () => {
  it.each(rows)('$file: all its pages, or refused by name', async (row: CorpusFile) => {
    const outcome = inProcess.get(row.file)!;
    expect(await judge(row, outcome, frontPages)).toEqual([]);
    const lost = outcome.missingText ?? [];
    if (KNOWN_TEXT_LOSS[row.file]) {
      expect(lost.length, `no text lost any more: remove ${row.file} from KNOWN_TEXT_LOSS`).toBeGreaterThan(0);
    } else {
      expect(lost.join(''), 'text the source shows is missing from its pages in the dossier').toBe('');
    }
    const cli = viaCli.get(row.file);
    if (cli) {
      expect(await judge(row, cli, frontPages), 'through juanzong assemble').toEqual([]);
      expect([cli.status, cli.outputPages], 'the CLI and the engine disagree').toEqual([
        outcome.status,
        outcome.outputPages,
      ]);
    }
  });
});
