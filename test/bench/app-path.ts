/**
 * The app's own path for `npm run bench`: the bench files attached to applications in a data folder through the
 * services (as the window attaches them), their pages inspected once (as the app does in the background after each
 * attach), then `juanzong dossier <id>` measured: the window's 生成 (the dossier job: files staged from the store,
 * the stored inspections, the assembly worker in a process of its own) and 导出 (the durable saved copy).
 * The data folder is kept in `.tmp/bench/` and reused while the inputs and the inspection's version are the same.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findProfile } from '#shared/profiles/index.ts';
import { INSPECTION_VERSION } from '../../electron/core/inspect/version.ts';
import { openServices, type Services } from '../../electron/core/services/index.ts';
import { ask } from '../helpers/ask.ts';
import { BENCH_DIR, INPUT_DIR, type BenchFile } from './bench-inputs.ts';

/** The materials the bench's files go to, in turn (file i to material i mod 8), for the manifest and the app alike. */
export const BENCH_MATERIALS = findProfile('sz-model-voucher-2025')!.materials.map((m) => m.id);

export const BENCH_DATA_DIR = path.join(BENCH_DIR, `app-data-${path.basename(INPUT_DIR)}-i${INSPECTION_VERSION}`);
const readyFile = path.join(BENCH_DATA_DIR, 'bench-applications-v2.json');

/**
 * Input pages → the application holding that set, with the inspection's proposals switched off (自动处理 off: the
 * same work as the bench's manifests; the stored inspections still place the seal marks); `<pages>+fixes` → the
 * same set with them applied, as a new application has it (photos cropped, images reduced…).
 */
type Applications = Record<string, number>;

async function attachSet(
  services: Services,
  applicantId: number,
  files: BenchFile[],
  fixes: boolean,
  materials = BENCH_MATERIALS,
): Promise<number> {
  const { id } = await ask<{ id: number }>(services, 'applications:create', {
    applicantId,
    profileId: 'sz-model-voucher-2025',
    year: 2025,
  });
  if (!fixes) await ask(services, 'applications:setOptions', { applicationId: id, options: { autoFix: false } });
  for (const [i, file] of files.entries()) {
    await ask(services, 'attachments:add', {
      applicationId: id,
      materialId: materials[i % materials.length],
      fileName: file.name,
      bytes: await readFile(path.join(INPUT_DIR, file.name)),
    });
  }
  return id;
}

/** Applications a killed earlier run left in the folder are left alone: the ready file names the ones measured. */
async function makeApplications(sets: BenchFile[][], say: (line: string) => void): Promise<Applications> {
  const services = await openServices({ dataDir: BENCH_DATA_DIR });
  try {
    const applicant = await ask<{ id: number }>(services, 'applicants:create', {
      name: '深圳市基准测试有限公司',
      creditCode: '91440300MA5FXXXX0X',
    });
    const applications: Applications = {};
    for (const files of sets) {
      const pages = files.reduce((n, f) => n + f.pages, 0);
      say(`  attaching ${files.length} files (${pages} pages) to an application in ${BENCH_DATA_DIR}`);
      applications[pages] = await attachSet(services, applicant.id, files, false);
    }
    const largest = sets.at(-1)!;
    applications[`${largest.reduce((n, f) => n + f.pages, 0)}+fixes`] = await attachSet(
      services,
      applicant.id,
      largest,
      true,
    );
    const attached = await Promise.all(
      Object.values(applications).map((applicationId) =>
        ask<{ sha256: string }[]>(services, 'attachments:list', { applicationId }),
      ),
    );
    const started = performance.now();
    const hashes = [...new Set(attached.flat().map((a) => a.sha256))];
    say(`  inspecting the pages of ${hashes.length} files, as the app does after each attach…`);
    const inspected = await services.inspections.ensure(hashes);
    say(
      `  inspected ${inspected.size} of ${hashes.length} files in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    return applications;
  } finally {
    services.close();
  }
}

/** The applications of the bench sets, made (attached and inspected) unless the kept data folder has them. */
export async function benchApplications(sets: BenchFile[][], say: (line: string) => void): Promise<Applications> {
  if (existsSync(readyFile)) return JSON.parse(readFileSync(readyFile, 'utf8')) as Applications;
  const applications = await makeApplications(sets, say);
  writeFileSync(readyFile, JSON.stringify(applications));
  return applications;
}

const longTiffDataDir = (tiff: string) =>
  path.join(BENCH_DIR, `app-data-${path.basename(tiff, '.tif')}-i${INSPECTION_VERSION}`);

/**
 * A data folder holding one application with the long TIFF attached (to the financial statements) and inspected,
 * as the app has it some time after the attach; made once and kept. Returns the folder and the application's id.
 */
export async function longTiffApplication(tiff: string, say: (line: string) => void): Promise<[string, number]> {
  const dataDir = longTiffDataDir(tiff);
  const ready = path.join(dataDir, 'bench-application.json');
  if (existsSync(ready)) return [dataDir, JSON.parse(readFileSync(ready, 'utf8')) as number];
  const services = await openServices({ dataDir });
  try {
    const applicant = await ask<{ id: number }>(services, 'applicants:create', {
      name: '深圳市基准测试有限公司',
      creditCode: '91440300MA5FXXXX0X',
    });
    const file = { name: path.basename(tiff), pages: 0, isPdf: false };
    const id = await attachSet(services, applicant.id, [file], false, ['financial-statements']);
    const [attached] = await ask<{ sha256: string }[]>(services, 'attachments:list', { applicationId: id });
    say(`  inspecting the ${path.basename(tiff)}'s pages, as the app does after the attach…`);
    await services.inspections.ensure([attached!.sha256]);
    writeFileSync(ready, JSON.stringify(id));
    return [dataDir, id];
  } finally {
    services.close();
  }
}

/** `juanzong dossier` of the set with `pages` input pages (`500+fixes`…), saved to `out`, the page map on stdout. */
export const appPathArgs = (cli: string, applications: Applications, pages: number | string, out: string): string[] => [
  cli,
  '--data',
  BENCH_DATA_DIR,
  'dossier',
  String(applications[pages]),
  '--out',
  out,
  '--json',
];
