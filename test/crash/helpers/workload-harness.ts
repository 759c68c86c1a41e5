/**
 * The crash harness: runs the workload child, kills it at random moments, reopens the data folder as the app does
 * and checks everything a clerk could lose. Used by the 50-kill test and by `npm run soak`.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportArchive } from '../../../electron/core/archive/export-archive.ts';
import { defaultLimits } from '../../../electron/core/archive/import-archive.ts';
import { checkEntryNames } from '../../../electron/core/archive/entry-names.ts';
import { readZipDirectory } from '../../../electron/core/archive/zip-reader.ts';
import { listBackups } from '../../../electron/core/backup/backup-files.ts';
import { openServices } from '../../../electron/core/services/index.ts';
import { qpdfPageCount } from '../../fixtures/run-tool.ts';
import { call, ensureApplication, randomPdfBytes } from '../children/seed.ts';
import { bundleChild } from './bundle-child.ts';
import { checkDataDir } from './check-data-dir.ts';
import { runAndKill } from './kill-loop.ts';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

export interface SoakFigures {
  kills: number;
  acknowledged: number;
  integrityFailures: number;
  acknowledgedLost: number;
  filesMissingOrWrong: number;
  leftoversAfterCleanup: number;
  partialOutputs: number;
  /**
   * Temp files `assembleDossier` leaves beside its `outPath` when killed (the CLI's `assemble --out` path). Its
   * writer does not journal them, so no start-up cleanup can find them; counted apart until dossier/assemble.ts
   * writes through `safety/atomic-output.ts` or the like.
   */
  assemblerTemps: number;
  opsByKind: Record<string, number>;
  problems: string[];
}

interface Ledger {
  adds: Map<number, string>;
  removing: Set<number>;
  lastEdit: number;
  imports: Set<number>;
  lastBackup?: string;
}

function record(ledger: Ledger, lines: string[], figures: SoakFigures): void {
  for (const line of lines) {
    const [kind, op, a, b] = line.split(' ');
    if (kind === 'BEGIN' && op === 'remove') ledger.removing.add(Number(a));
    if (kind !== 'ACK' || !op) continue;
    figures.acknowledged += 1;
    figures.opsByKind[op] = (figures.opsByKind[op] ?? 0) + 1;
    if (op === 'add') ledger.adds.set(Number(a), b!);
    if (op === 'edit') ledger.lastEdit = Math.max(ledger.lastEdit, Number(a));
    if (op === 'import') ledger.imports.add(Number(a));
    if (op === 'backup') ledger.lastBackup = a;
  }
}

/** An export target holds nothing, or a whole file; nothing else lies beside it. */
async function checkExports(exportDir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const name of readdirSync(exportDir)) {
    const file = path.join(exportDir, name);
    if (name.endsWith('.pdf')) {
      const head = readFileSync(file).subarray(0, 5).toString('latin1');
      let pages = 0;
      try {
        pages = qpdfPageCount(file);
      } catch {
        pages = 0;
      }
      if (head !== '%PDF-' || pages < 1) problems.push(`partial PDF ${name}`);
    } else if (name === 'app.juanzong') {
      try {
        checkEntryNames(await readZipDirectory(file, name, defaultLimits), name);
      } catch (error) {
        problems.push(`partial archive ${name}: ${(error as Error).message}`);
      }
    } else if (/^\.direct\.pdf\.\d+\.[0-9a-f]+\.juanzong-part$/.test(name)) problems.push(`assembler temp: ${name}`);
    else if (name !== 'inputs.pdf') problems.push(`leftover beside exports: ${name}`);
  }
  return problems;
}

async function checkLedger(dataDir: string, ledger: Ledger): Promise<string[]> {
  const services = await openServices({ dataDir, keepBackups: 3 });
  try {
    const problems: string[] = [];
    // Killed during its very first start, the child may not have created the applicant yet.
    const first = services.db.prepare('SELECT name FROM applicants ORDER BY id LIMIT 1').get() as
      { name: string } | undefined;
    const edit = Number(/-(\d+)$/.exec(first?.name ?? '')?.[1] ?? 0);
    if (edit < ledger.lastEdit) problems.push(`edit ${ledger.lastEdit} lost (found ${edit})`);
    for (const id of ledger.imports) {
      if (!services.db.prepare('SELECT 1 FROM applications WHERE id = ?').get(id)) problems.push(`import ${id} lost`);
    }
    const manual = (await listBackups(path.join(dataDir, 'backups'))).filter((b) => b.reason === 'manual');
    if (ledger.lastBackup && !manual.some((b) => b.name >= ledger.lastBackup!))
      problems.push(`backup ${ledger.lastBackup} lost`);
    return problems;
  } finally {
    services.close();
  }
}

/** A second data folder's application, exported once: what the workload imports again and again. */
async function makeArchive(root: string): Promise<string> {
  const services = await openServices({ dataDir: path.join(root, 'source') });
  try {
    const applicationId = await ensureApplication(services);
    await call(services, 'applicants:update', { id: 1, changes: { creditCode: '91440300MA5FTEST01' } });
    for (let i = 0; i < 3; i += 1) {
      await call(services, 'attachments:add', {
        applicationId,
        materialId: 'business-license',
        fileName: `来源-${i}.pdf`,
        bytes: randomPdfBytes(4096),
      });
    }
    return (await exportArchive(services, applicationId, path.join(root, 'source.juanzong'))).path;
  } finally {
    services.close();
  }
}

export async function runSoak(kills: number, onKill?: (i: number, f: SoakFigures) => void): Promise<SoakFigures> {
  const root = mkdtempSync(path.join(tmpdir(), 'juanzong-soak-'));
  process.env.JUANZONG_FONT ??= path.join(repo, 'assets/fonts/wqy-microhei.ttc');
  const figures: SoakFigures = {
    kills: 0,
    acknowledged: 0,
    integrityFailures: 0,
    acknowledgedLost: 0,
    filesMissingOrWrong: 0,
    leftoversAfterCleanup: 0,
    partialOutputs: 0,
    assemblerTemps: 0,
    opsByKind: {},
    problems: [],
  };
  const seenTemps = new Set<string>();
  const ledger: Ledger = { adds: new Map(), removing: new Set(), lastEdit: 0, imports: new Set() };
  try {
    const archive = await makeArchive(root);
    const [dataDir, exportDir] = [path.join(root, 'data'), path.join(root, 'exports')];
    mkdirSync(exportDir, { recursive: true });
    const child = await bundleChild(path.join(repo, 'test/crash/children/workload.ts'));
    for (let i = 0; i < kills; i += 1) {
      const run = await runAndKill(child, [dataDir, exportDir, archive], 1000);
      if (run.exitedByItself) figures.problems.push(`child exited by itself: ${run.stderr.slice(0, 500)}`);
      figures.kills += run.exitedByItself ? 0 : 1;
      record(ledger, run.lines, figures);
      const acked = new Map([...ledger.adds].filter(([id]) => !ledger.removing.has(id)));
      const report = await checkDataDir(dataDir, acked);
      const lost = [...report.lostAcks, ...(await checkLedger(dataDir, ledger))];
      const found = await checkExports(exportDir);
      const temps = found.filter((p) => p.startsWith('assembler temp') && !seenTemps.has(p));
      temps.forEach((p) => seenTemps.add(p));
      const partial = found.filter((p) => !p.startsWith('assembler temp'));
      figures.integrityFailures += Number(report.integrity !== 'ok') + Number(report.foreignKeyViolations > 0);
      figures.acknowledgedLost += lost.length;
      figures.filesMissingOrWrong += report.missingFiles.length + report.wrongFiles.length;
      figures.leftoversAfterCleanup += report.leftovers.length;
      figures.partialOutputs += partial.length;
      figures.assemblerTemps += temps.length;
      figures.problems.push(...lost, ...partial, ...report.leftovers.map((f) => `leftover ${f}`));
      onKill?.(i + 1, figures);
    }
    rmSync(child, { force: true });
    return figures;
  } finally {
    if (existsSync(root)) rmSync(root, { recursive: true, force: true });
  }
}
