/**
 * Crash child for the soak and the 50-kill test: a clerk's day at machine speed. Imports files and archives,
 * edits, removes, assembles dossiers, takes backups and exports archives, in random order, forever. Before each
 * step it prints `BEGIN <op> …`, after it `ACK <op> …`; the parent kills it with SIGKILL at a random moment.
 * argv: dataDir exportDir archiveToImport
 */
import path from 'node:path';
import { exportArchive } from '../../../electron/core/archive/export-archive.ts';
import { importArchive } from '../../../electron/core/archive/import-archive.ts';
import { assembleDossier, runAssemblyRequest } from '../../../electron/core/dossier/index.ts';
import { writeAtomically } from '../../../electron/core/safety/atomic-output.ts';
import { manifest as manifestSchema } from '#shared/manifest.ts';
import { openServices, type Services } from '../../../electron/core/services/index.ts';
import { call, ensureApplication, randomPdfBytes, sleep } from './seed.ts';

const [dataDir, exportDir, archiveToImport] = process.argv.slice(2) as [string, string, string];
// Bundled into one file for a fast start, this child has no assembly worker bundle beside it: it runs the worker's
// request in its own thread, which a SIGKILL ends just the same.
const services = await openServices({
  dataDir,
  keepBackups: 3,
  runAssembly: (request, control) => runAssemblyRequest(request, control, assembleDossier),
});
const applicationId = await ensureApplication(services);
const say = (line: string) => process.stdout.write(`${line}\n`);
say('READY');

function nameCounter(s: Services): number {
  const row = s.db.prepare('SELECT name FROM applicants ORDER BY id LIMIT 1').get() as { name: string };
  return Number(/-(\d+)$/.exec(row.name)?.[1] ?? 0);
}

/** `dossier:start` as the window does it, then the shell's save-as step: the finished file copied to exportDir. */
async function assembleAndSave(): Promise<void> {
  const { jobId } = await call(services, 'dossier:start', { applicationId });
  for (;;) {
    const status = await call(services, 'dossier:status', { jobId });
    if (status.state === 'done') break;
    if (status.state !== 'running') throw new Error(`assembly ${status.state}: ${status.error?.message}`);
    await sleep(10);
  }
  const { bytes } = await call(services, 'dossier:content', { jobId, which: 'dossier' });
  await writeAtomically(path.join(exportDir, 'dossier.pdf'), (file) => file.writeFile(bytes), { dataDir });
}

/** The CLI's `juanzong assemble --out`: the assembler writes straight to a path outside the data folder. */
async function assembleDirect(): Promise<void> {
  const pdf = path.join(exportDir, 'inputs.pdf');
  await writeAtomically(pdf, (file) => file.writeFile(randomPdfBytes(4096)), { dataDir });
  const manifest = manifestSchema.parse({
    profile: 'sz-model-voucher-2025',
    applicant: { name: '深圳市测试科技有限公司', creditCode: '' },
    materials: [{ id: 'business-license', files: ['inputs.pdf'] }],
  });
  await assembleDossier({ manifest, baseDir: exportDir, outPath: path.join(exportDir, 'direct.pdf') });
}

const steps: [weight: number, name: string, run: () => Promise<string>][] = [
  [
    30,
    'add',
    async () => {
      const bytes = randomPdfBytes(1024 + Math.floor(Math.random() * 64 * 1024));
      const row = await call(services, 'attachments:add', {
        applicationId,
        materialId: 'business-license',
        fileName: '营业执照.pdf',
        bytes,
      });
      return `${row.id} ${row.sha256}`;
    },
  ],
  [
    15,
    'edit',
    async () => {
      const n = nameCounter(services) + 1;
      say(`BEGIN edit ${n}`);
      const id = (services.db.prepare('SELECT min(id) AS id FROM applicants').get() as { id: number }).id;
      await call(services, 'applicants:update', { id, changes: { name: `深圳市测试科技有限公司-${n}` } });
      return String(n);
    },
  ],
  [
    10,
    'remove',
    async () => {
      const rows = await call(services, 'attachments:list', { applicationId });
      const victim = rows[Math.floor(Math.random() * rows.length)];
      if (!victim || rows.length < 5) return 'none';
      say(`BEGIN remove ${victim.id}`);
      await call(services, 'attachments:remove', { id: victim.id });
      return String(victim.id);
    },
  ],
  [10, 'backup', async () => (await call(services, 'backup:create', {})).name],
  [
    10,
    'export',
    async () => String((await exportArchive(services, applicationId, path.join(exportDir, 'app.juanzong'))).files),
  ],
  [4, 'import', importOnce],
  [7, 'assemble', async () => (await assembleAndSave(), 'dossier.pdf')],
  [5, 'assemble-direct', async () => (await assembleDirect(), 'direct.pdf')],
];
/** The archive is imported as a copy once; later imports are refused as done already, naming the copy's number. */
async function importOnce(): Promise<string> {
  try {
    return String((await importArchive(services, archiveToImport, { asCopy: true })).applicationId);
  } catch (error) {
    const existing =
      (error as { code?: string }).code === 'archive-exists'
        ? /编号 (\d+)/.exec((error as Error).message)?.[1]
        : undefined;
    if (existing === undefined) throw error;
    return existing;
  }
}

const total = steps.reduce((sum, [w]) => sum + w, 0);

for (;;) {
  let pick = Math.random() * total;
  const [, name, run] = steps.find(([w]) => (pick -= w) < 0) ?? steps[0]!;
  say(`ACK ${name} ${await run()}`);
}
