/**
 * `npm run bench [-- --runs N] [--only inspection|long-tiff]`: assembles the ~250- and ~500-page mixed input sets through `juanzong assemble`
 * and, in the same run, merges the same PDFs with `qpdf --empty --pages … --`; prints wall time, peak RSS and
 * output size (medians of N paired runs, default 5, each program started after a `sync`) against the
 * targets: whole assembly ≤ 5 × qpdf's bare merge · peak RSS ≤ 1 GiB · output ≤ 1.1 × input bytes · linear growth.
 * `juanzong assemble` runs the app's path: the assembly worker (the entry the app ships, bundled the same way) in a
 * process of its own behind the `AssemblyHost`. Right after it the dossier is read back whole, as the app does for
 * its preview (`dossier:content`). The app's own path is measured too: `juanzong dossier` of the same files
 * attached to an application in a data folder (test/bench/app-path.ts), whose pages were inspected at attach time,
 * so the seal marks are placed from the stored ink rather than by drawing the pages.
 * Not part of `npm test`. Needs ImageMagick, img2pdf, ghostscript, qpdf, exiftool and GNU time.
 * `JUANZONG_CLI=/other/checkout/electron/core/cli/juanzong.mjs npm run bench` measures another checkout.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLI } from '../acceptance/assemble-cli.ts';
import { fixtureManifest } from '../fixtures/dossier-fixtures.ts';
import { qpdfPageCount } from '../fixtures/run-tool.ts';
import { A4, makeTokenPdf } from '../fixtures/token-pdf.ts';
import { benchLongTiff } from './long-tiff.ts';
import { ensureTextScans } from './text-scans.ts';
import {
  BENCH_DIR,
  INPUT_DIR,
  benchSet,
  ensureBenchInputs,
  ensureWrappedImages,
  type BenchFile,
} from './bench-inputs.ts';
import { measure, median, type Measured } from './measure.ts';
import { appPathArgs, BENCH_DATA_DIR, BENCH_MATERIALS, benchApplications } from './app-path.ts';

const MiB = 1024 * 1024;
/** The CLI measured: this tree's, or another checkout's (`JUANZONG_CLI=…/electron/core/cli/juanzong.mjs`). */
const BENCH_CLI = process.env.JUANZONG_CLI ?? CLI;

/** Medians over the paired runs. */
interface Summary {
  seconds: number;
  userSeconds: number;
  systemSeconds: number;
  rssMiB: number;
  outputMiB: number;
}

interface SizeResult {
  pages: number;
  files: number;
  inputMiB: number;
  pdfInputMiB: number;
  juanzong: Summary & { dossierPages: number };
  /** `juanzong dossier`: the window's 生成 and 导出 of the same files attached to an application, pages inspected. */
  app: Summary & { dossierPages: number };
  /** Reading the finished dossier back whole, at once, as the preview does (medians). */
  readBackSeconds: number;
  /** Of it, what the kernel had to fetch from the disk rather than the page cache (Linux; 0 elsewhere). */
  readBackDiskMiB: number;
  qpdf: Summary;
  /** qpdf merging every input: the PDFs and each image wrapped in a PDF by img2pdf beforehand (not timed). */
  qpdfAll: Summary;
}

/** A manifest giving the files to the eight materials in turn. */
function writeBenchManifest(dir: string, files: BenchFile[], pages: number): string {
  const materials = BENCH_MATERIALS.map((id, m) => ({
    id,
    files: files.filter((_, i) => i % BENCH_MATERIALS.length === m).map((f) => f.name),
  }));
  // The assembly's own cost: the page inspection (measured on its own below) is switched off.
  const base = fixtureManifest({ duplex: true, sealMarkers: true });
  const manifest = { ...base, options: { ...base.options, autoFix: false }, materials };
  const at = path.join(dir, `manifest-${pages}.json`);
  writeFileSync(at, JSON.stringify(manifest, null, 2));
  return at;
}

const bytesOf = (dir: string, files: BenchFile[]): number =>
  files.reduce((n, f) => n + statSync(path.join(dir, f.name)).size, 0);

/** The page map's material pages must add up to the inputs' pages, and qpdf must agree with the map. */
function verify(out: string, run: Measured, inputPages: number): number {
  const map = JSON.parse(run.run.stdout) as {
    pages: number;
    sections: { id: string; firstPage: number; lastPage: number }[];
  };
  const material = map.sections.slice(2).reduce((n, s) => n + s.lastPage - s.firstPage + 1, 0);
  const counted = qpdfPageCount(out);
  if (material !== inputPages || counted !== map.pages) {
    throw new Error(
      `${out}: material pages ${material} (want ${inputPages}), qpdf counts ${counted}, map says ${map.pages}`,
    );
  }
  return counted;
}

type Applications = Awaited<ReturnType<typeof benchApplications>>;

async function benchSize(
  inputDir: string,
  outDir: string,
  fraction: number,
  runs: number,
  applications: Applications,
): Promise<SizeResult> {
  const files = benchSet(fraction);
  const pages = files.reduce((n, f) => n + f.pages, 0);
  const pdfs = files.filter((f) => f.isPdf).map((f) => path.join(inputDir, f.name));
  const manifest = writeBenchManifest(inputDir, files, pages);
  const wrapped = await ensureWrappedImages(files);
  const everything = files.map((f) => wrapped.get(f.name) ?? path.join(inputDir, f.name));
  const [out, merged] = [path.join(outDir, `dossier-${pages}.pdf`), path.join(outDir, `qpdf-${pages}.pdf`)];
  const mergedAll = path.join(outDir, `qpdf-all-${pages}.pdf`);
  const appOut = path.join(outDir, `app-${pages}.pdf`);
  const ours: Measured[] = [];
  const app: Measured[] = [];
  const readBacks: ReadBack[] = [];
  const theirs: Measured[] = [];
  const theirsAll: Measured[] = [];
  for (let r = 0; r < runs; r += 1) {
    // Each program starts with the disk caught up (`sync`, not timed). Otherwise the kernel writes back the
    // earlier programs' outputs while the next one runs (ext4 starts writing a file that was truncated and
    // rewritten, as qpdf does with its output, when it is closed), and the program that writes most pays for it
    // in kernel time: seen here, juanzong's kernel CPU at 0.78–0.93 s instead of 0.28 s. Each program replaces
    // its previous output as it would for a clerk (qpdf truncates it; juanzong renames the new one over it).
    const settled = () => execFileSync('sync');
    settled();
    theirs.push(await measure(outDir, 'qpdf', ['--empty', '--pages', ...pdfs, '--', merged]));
    settled();
    theirsAll.push(await measure(outDir, 'qpdf', ['--empty', '--pages', ...everything, '--', mergedAll]));
    settled();
    ours.push(await measure(outDir, process.execPath, [BENCH_CLI, 'assemble', manifest, '--out', out, '--json']));
    readBacks.push(readBack(out));
    settled();
    app.push(await measure(outDir, process.execPath, appPathArgs(BENCH_CLI, applications, pages, appOut)));
    const last = (m: Measured[]): string => `${m.at(-1)!.seconds.toFixed(2)} s`;
    process.stderr.write(
      `  ${pages} pages, run ${r + 1}/${runs}: juanzong ${last(ours)} + read-back ${readBacks.at(-1)!.seconds.toFixed(2)} s, qpdf ${last(theirs)}, qpdf all ${last(theirsAll)}, app ${last(app)}\n`,
    );
  }
  const dossierPages = verify(out, ours.at(-1)!, pages);
  return {
    pages,
    files: files.length,
    inputMiB: bytesOf(inputDir, files) / MiB,
    pdfInputMiB:
      bytesOf(
        inputDir,
        files.filter((f) => f.isPdf),
      ) / MiB,
    juanzong: { ...summary(ours, out), dossierPages },
    app: { ...summary(app, appOut), dossierPages: verify(appOut, app.at(-1)!, pages) },
    readBackSeconds: median(readBacks.map((b) => b.seconds)),
    readBackDiskMiB: median(readBacks.map((b) => b.diskMiB)),
    qpdf: summary(theirs, merged),
    qpdfAll: summary(theirsAll, mergedAll),
  };
}

interface ReadBack {
  seconds: number;
  diskMiB: number;
}

/** Bytes this process has had fetched from storage so far (`read_bytes` of /proc/self/io; 0 where there is none). */
function bytesFromDisk(): number {
  try {
    return Number(/^read_bytes: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Reads the dossier whole, right after it was written (no `sync` between: the clerk does not wait). */
function readBack(file: string): ReadBack {
  const [started, fetched] = [performance.now(), bytesFromDisk()];
  readFileSync(file);
  return { seconds: (performance.now() - started) / 1000, diskMiB: (bytesFromDisk() - fetched) / MiB };
}

function summary(runs: Measured[], output: string): Summary {
  const of = (pick: (m: Measured) => number) => median(runs.map(pick));
  return {
    seconds: of((m) => m.seconds),
    userSeconds: of((m) => m.userSeconds),
    systemSeconds: of((m) => m.systemSeconds),
    rssMiB: of((m) => m.rssMiB),
    outputMiB: statSync(output).size / MiB,
  };
}

/** `0.85 s (CPU 0.80 user + 0.30 kernel)`: the kernel's share (page-cache copies of the output) varies most. */
const timeOf = (s: Summary) =>
  `${s.seconds.toFixed(2)} s (CPU ${s.userSeconds.toFixed(2)} user + ${s.systemSeconds.toFixed(2)} kernel)`;

const verdict = (ok: boolean): string => (ok ? 'ok' : 'OVER TARGET');

function report(results: SizeResult[], runs: number): string {
  const lines = [`juanzong assemble vs qpdf --empty --pages (PDF inputs only), medians of ${runs} paired runs`, ''];
  for (const r of results) {
    const timeRatio = r.juanzong.seconds / r.qpdf.seconds;
    const sizeRatio = r.juanzong.outputMiB / r.inputMiB;
    lines.push(
      `${r.pages} input pages in ${r.files} files, ${r.inputMiB.toFixed(1)} MiB (${r.pdfInputMiB.toFixed(1)} MiB of PDFs); dossier ${r.juanzong.dossierPages} pages`,
      `  juanzong : ${timeOf(r.juanzong)}, peak RSS ${r.juanzong.rssMiB.toFixed(0)} MiB, output ${r.juanzong.outputMiB.toFixed(1)} MiB`,
      `  qpdf     : ${timeOf(r.qpdf)}, peak RSS ${r.qpdf.rssMiB.toFixed(0)} MiB, output ${r.qpdf.outputMiB.toFixed(1)} MiB (the PDFs)`,
      `  qpdf all : ${timeOf(r.qpdfAll)}, peak RSS ${r.qpdfAll.rssMiB.toFixed(0)} MiB, output ${r.qpdfAll.outputMiB.toFixed(1)} MiB` +
        ` (every input, images wrapped by img2pdf beforehand): juanzong = ${(r.juanzong.seconds / r.qpdfAll.seconds).toFixed(2)} × this`,
      `  read-back: ${r.readBackSeconds.toFixed(2)} s, ${r.readBackDiskMiB.toFixed(0)} MiB of it from the disk (the whole dossier, right after, as the preview reads it)`,
      `  + read   : ${(r.juanzong.seconds + r.readBackSeconds).toFixed(2)} s, assembly and read-back = ${((r.juanzong.seconds + r.readBackSeconds) / r.qpdf.seconds).toFixed(2)} × qpdf`,
      `  app path : ${timeOf(r.app)}, peak RSS ${r.app.rssMiB.toFixed(0)} MiB, output ${r.app.outputMiB.toFixed(1)} MiB` +
        ` (juanzong dossier: the window's 生成 with the pages inspected at attach, and 导出) = ${(r.app.seconds / r.qpdfAll.seconds).toFixed(2)} × qpdf all`,
      `  time     : ${timeRatio.toFixed(2)} × qpdf (target ≤ 5)            ${verdict(timeRatio <= 5)}`,
      `  memory   : ${r.juanzong.rssMiB.toFixed(0)} MiB (target ≤ 1024)            ${verdict(r.juanzong.rssMiB <= 1024)}`,
      `  size     : ${sizeRatio.toFixed(3)} × the input bytes (target ≤ 1.1)  ${verdict(sizeRatio <= 1.1)}`,
      '',
    );
  }
  const [small, large] = [results[0]!, results.at(-1)!];
  if (results.length > 1) {
    const pageGrowth = large.pages / small.pages;
    lines.push(
      `growth ${small.pages} → ${large.pages} pages (× ${pageGrowth.toFixed(2)}):` +
        ` time × ${(large.juanzong.seconds / small.juanzong.seconds).toFixed(2)},` +
        ` peak RSS × ${(large.juanzong.rssMiB / small.juanzong.rssMiB).toFixed(2)},` +
        ` per page ${((small.juanzong.seconds / small.pages) * 1000).toFixed(1)} → ${((large.juanzong.seconds / large.pages) * 1000).toFixed(1)} ms`,
    );
  }
  return lines.join('\n');
}

/** `juanzong dossier` of the largest set with the inspection's proposals applied, as a new application has them. */
async function benchAppWithFixes(outDir: string, applications: Applications, pages: number): Promise<string> {
  const out = path.join(outDir, `app-fixes-${pages}.pdf`);
  // First with no image kept from an earlier generation, then again as after a clerk's edit.
  rmSync(path.join(BENCH_DATA_DIR, 'cache'), { recursive: true, force: true });
  const lines: string[] = [];
  for (const label of ['first generation', 'again (re-encoded images from the cache)']) {
    execFileSync('sync');
    const run = await measure(outDir, process.execPath, appPathArgs(BENCH_CLI, applications, `${pages}+fixes`, out));
    const map = JSON.parse(run.run.stdout) as { pages: number };
    const [user, kernel] = [run.userSeconds.toFixed(2), run.systemSeconds.toFixed(2)];
    lines.push(
      `  ${label}: ${run.seconds.toFixed(2)} s (CPU ${user} user + ${kernel} kernel), peak RSS ${run.rssMiB.toFixed(0)} MiB, ` +
        `dossier ${map.pages} pages, ${(statSync(out).size / MiB).toFixed(1)} MiB`,
    );
  }
  return [
    `app path with the inspection's proposals applied (自动处理 on: photos cropped, images reduced…), ${pages} input pages, one run each:`,
    ...lines,
  ].join('\n');
}

/** The fixed cost: `juanzong assemble` of a one-page PDF (process start, modules, font, cover and contents). */
async function startupSeconds(inputDir: string, outDir: string, runs: number): Promise<number> {
  const one = path.join(inputDir, 'one-page.pdf');
  makeTokenPdf(one, 'ONE', [{ ...A4, label: 'A4' }]);
  const manifest = path.join(inputDir, 'manifest-1.json');
  const materials = [{ id: 'application-form', files: ['one-page.pdf'] }];
  writeFileSync(manifest, JSON.stringify({ ...fixtureManifest({ duplex: true, sealMarkers: true }), materials }));
  const times: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    times.push(
      (
        await measure(outDir, process.execPath, [
          BENCH_CLI,
          'assemble',
          manifest,
          '--out',
          path.join(outDir, 'one.pdf'),
        ])
      ).seconds,
    );
  }
  return median(times);
}

interface InspectionResult {
  /** What was inspected: the assembly set's bar scans, or scans of text. */
  label: string;
  pages: number;
  /** Median over the files of each file's inspection time divided by its pages. */
  msPerPage: number;
  seconds: number;
  /** User and kernel CPU of the whole run: less swayed than the wall time by other work on the machine. */
  cpuSeconds: number;
  rssMiB: number;
  /** Pages whose found turn is the one they were fed with (text scans only). */
  orientationRight?: number;
}

interface InspectedFile {
  pages: { orientation?: number }[];
  ms: number;
}

/** `juanzong inspect --json` of `files` in one process: time per page and the process's peak RSS. */
async function inspectFilesMeasured(outDir: string, files: string[]): Promise<[Measured, InspectedFile[]]> {
  const run = await measure(outDir, process.execPath, [BENCH_CLI, 'inspect', '--json', ...files]);
  return [run, JSON.parse(run.run.stdout) as InspectedFile[]];
}

function inspectionResult(label: string, run: Measured, results: InspectedFile[]): InspectionResult {
  return {
    label,
    pages: results.reduce((n, r) => n + r.pages.length, 0),
    msPerPage: median(results.map((r) => r.ms / Math.max(1, r.pages.length))),
    seconds: run.seconds,
    cpuSeconds: run.userSeconds + run.systemSeconds,
    rssMiB: run.rssMiB,
  };
}

/** The 300 dpi bar scans of the assembly set (no text: orientation gives up at once). */
async function benchBarInspection(inputDir: string, outDir: string, files: number): Promise<InspectionResult> {
  const scans = benchSet(1)
    .filter((f) => f.name.startsWith('scan-300'))
    .slice(0, files);
  const [run, results] = await inspectFilesMeasured(
    outDir,
    scans.map((f) => path.join(inputDir, f.name)),
  );
  return inspectionResult('300 dpi bar scans (no text)', run, results);
}

/** 300 dpi scans of Chinese and Latin text, half of them fed turned: time, memory and how many turns were found. */
async function benchTextInspection(outDir: string): Promise<InspectionResult> {
  const scans = await ensureTextScans((line) => process.stderr.write(line + '\n'));
  const [run, results] = await inspectFilesMeasured(
    outDir,
    scans.map((s) => s.file),
  );
  const right = results.flatMap((r, i) => r.pages.filter((p, k) => (p.orientation ?? -1) === scans[i]!.turns[k]));
  return { ...inspectionResult('300 dpi text scans, half fed turned', run, results), orientationRight: right.length };
}

function inspectionReport(r: InspectionResult): string {
  const lines = [
    `juanzong inspect, ${r.pages} pages of ${r.label}: ${r.seconds.toFixed(1)} s in all, CPU ${r.cpuSeconds.toFixed(1)} s (with start-up and loading OpenCV and Tesseract)`,
    `  per page : median ${r.msPerPage.toFixed(0)} ms (target ≤ 150)   ${verdict(r.msPerPage <= 150)}`,
    `  memory   : peak RSS ${r.rssMiB.toFixed(0)} MiB (target ≤ 500)   ${verdict(r.rssMiB <= 500)}`,
  ];
  if (r.orientationRight !== undefined)
    lines.push(`  turns    : ${r.orientationRight} of ${r.pages} pages read the way they were fed`);
  return lines.join('\n');
}

/** `--only inspection`: the two inspection figures alone, in a few seconds, without the assembly's runs. */
async function inspectionOnly(inputDir: string, outDir: string): Promise<void> {
  const inspection = [await benchBarInspection(inputDir, outDir, 3), await benchTextInspection(outDir)];
  console.log(inspection.map(inspectionReport).join('\n\n'));
}

/** `--only long-tiff`: the 2,000-page TIFF alone (it needs none of the other inputs). */
async function longTiffOnly(outDir: string): Promise<void> {
  mkdirSync(INPUT_DIR, { recursive: true });
  console.log(await benchLongTiff(BENCH_CLI, INPUT_DIR, outDir));
}

async function main(): Promise<void> {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const outDir = path.join(BENCH_DIR, 'out');
  mkdirSync(outDir, { recursive: true });
  if (only === 'long-tiff') return longTiffOnly(outDir);
  const inputDir = await ensureBenchInputs((line) => process.stderr.write(line + '\n'));
  if (only === 'inspection') return inspectionOnly(inputDir, outDir);
  const results: SizeResult[] = [];
  const startup = await startupSeconds(inputDir, outDir, runs);
  const say = (line: string) => process.stderr.write(line + '\n');
  const applications = await benchApplications([benchSet(0.5), benchSet(1)], say);
  for (const fraction of [0.5, 1]) results.push(await benchSize(inputDir, outDir, fraction, runs, applications));
  const withFixes = await benchAppWithFixes(outDir, applications, results.at(-1)!.pages);
  const inspection = [await benchBarInspection(inputDir, outDir, 3), await benchTextInspection(outDir)];
  const longTiff = await benchLongTiff(BENCH_CLI, inputDir, outDir);
  const text =
    `${report(results, runs)}\nfixed cost (a one-page dossier): ${startup.toFixed(2)} s; ` +
    `marginal ${results.map((r) => `${(((r.juanzong.seconds - startup) / r.pages) * 1000).toFixed(1)} ms/page at ${r.pages}`).join(', ')}` +
    `\n\n${withFixes}\n\n${inspection.map(inspectionReport).join('\n\n')}\n\n${longTiff}`;
  rmSync(outDir, { recursive: true, force: true }); // ~1 GB of dossiers and merges; the inputs stay cached
  const record = { date: new Date().toISOString(), runs, startupSeconds: startup, results, inspection };
  writeFileSync(path.join(BENCH_DIR, 'last-result.json'), JSON.stringify(record, null, 2));
  console.log(text);
}

await main();
