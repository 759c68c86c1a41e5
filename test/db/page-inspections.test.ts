/**
 * Pages inspected when a file is attached, in the background, and stored: the attach answers at once; the dossier
 * job uses the stored findings and never inspects a file again; a process killed during an inspection leaves no
 * half row, and the next start-up inspects the file again.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Attachment, PageMap } from '#shared/contract/index.ts';
import { fileInspection, type FileInspection } from '#shared/page-findings.ts';
import { assembleDossier } from '../../electron/core/dossier/assemble.ts';
import { runAssemblyRequest } from '../../electron/core/dossier/request.ts';
import { inspectFiles } from '../../electron/core/inspect/run-inspection.ts';
import { databaseFileName, type Services } from '../../electron/core/services/index.ts';
import { pageFixtures } from '../fixtures/page-fixtures.ts';
import { ask } from '../helpers/ask.ts';
import { openServicesWithJobEnds } from '../helpers/job-ends.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const LONG = 5 * 60_000;

/** Services as the app opens them, the assembly run in this process; both inspectors count the files they get. */
async function countingServices(dataDir: string) {
  const calls = { background: [] as string[], assembly: [] as string[] };
  const { services, jobEnd } = await openServicesWithJobEnds({
    dataDir,
    inspectInBackground: true,
    inspect: (files, budget) => (calls.background.push(...files), inspectFiles(files, budget)),
    runAssembly: (request, control) =>
      runAssemblyRequest(
        request,
        { ...control, inspect: (files) => (calls.assembly.push(...files), inspectFiles(files)) },
        assembleDossier,
      ),
  });
  return { services, calls, jobEnd };
}

async function applicationOf(services: Services): Promise<number> {
  const applicant = await ask<{ id: number }>(services, 'applicants:create', {
    name: '深圳市卷宗测试有限公司',
    creditCode: '91440300MA5FXXXX0X',
  });
  const { id } = await ask<{ id: number }>(services, 'applications:create', {
    applicantId: applicant.id,
    profileId: 'sz-model-voucher-2025',
    year: 2025,
  });
  return id;
}

async function attach(services: Services, applicationId: number, materialId: string, file: string) {
  return ask<Attachment>(services, 'attachments:add', {
    applicationId,
    materialId,
    fileName: path.basename(file),
    bytes: new Uint8Array(await readFile(file)),
  });
}

type JobEnd = Awaited<ReturnType<typeof openServicesWithJobEnds>>['jobEnd'];

async function dossierPageMap(services: Services, jobEnd: JobEnd, applicationId: number): Promise<PageMap> {
  const { jobId } = await ask<{ jobId: string }>(services, 'dossier:start', { applicationId });
  const status = await jobEnd(jobId);
  expect(status.error).toBeNull();
  return status.pageMap!;
}

/** Every stored inspection row, read straight from the database file. */
function storedRows(dataDir: string): { sha256: string; result: string }[] {
  const db = new Database(path.join(dataDir, databaseFileName), { readonly: true });
  try {
    return db.prepare('SELECT sha256, result FROM page_inspections').all() as { sha256: string; result: string }[];
  } finally {
    db.close();
  }
}

describe('page inspection at attach time', () => {
  it(
    'inspects in the background once, and two dossiers later use the stored findings with the same page map',
    async () => {
      const fx = pageFixtures();
      const dataDir = await tempDir();
      const { services, calls, jobEnd } = await countingServices(dataDir);
      const applicationId = await applicationOf(services);
      const attached = performance.now();
      const duplex = await attach(services, applicationId, 'application-form', fx.duplex);
      const turned = await attach(services, applicationId, 'service-contract', fx.turnedScan);
      // The attach answered before the findings were made (they take seconds on the worker thread).
      expect(performance.now() - attached).toBeLessThan(20_000);
      expect(services.inspections.stored(turned.sha256)).toBeUndefined();
      await services.inspections.idle();
      expect(calls.background.length).toBe(2);
      const stored = services.inspections.stored(duplex.sha256)!;
      expect(stored.pages.map((p) => p.blank)).toEqual([false, true, false, true, false, true]);

      const first = await dossierPageMap(services, jobEnd, applicationId);
      const second = await dossierPageMap(services, jobEnd, applicationId);
      expect(calls.assembly).toEqual([]);
      expect(calls.background.length).toBe(2);
      expect(first.skipped!.map((s) => `${path.basename(s.file)}:${s.page}:${s.by}`)).toEqual([
        'duplex.pdf:2:inspection',
        'duplex.pdf:4:inspection',
        'duplex.pdf:6:inspection',
      ]);
      const turns = first.pageList!.filter((e) => e.changes?.turn).map((e) => e.changes!.turn!.degrees);
      expect(turns).toEqual([180, 270, 90]);
      expect(second.pageList).toEqual(first.pageList);
      expect(second.skipped).toEqual(first.skipped);
      services.close();
    },
    LONG,
  );

  it(
    'inspects in the dossier job what was never inspected (background off), stores it, and not again',
    async () => {
      const fx = pageFixtures();
      const dataDir = await tempDir();
      const calls: string[] = [];
      const { services, jobEnd } = await openServicesWithJobEnds({
        dataDir,
        inspect: (files, budget) => (calls.push(...files), inspectFiles(files, budget)),
      });
      const applicationId = await applicationOf(services);
      const duplex = await attach(services, applicationId, 'application-form', fx.duplex);
      await services.inspections.idle();
      expect(calls).toEqual([]);
      const first = await dossierPageMap(services, jobEnd, applicationId);
      expect(calls.length).toBe(1);
      expect(services.inspections.stored(duplex.sha256)?.pages.length).toBe(6);
      const second = await dossierPageMap(services, jobEnd, applicationId);
      expect(calls.length).toBe(1);
      expect(second.skipped).toEqual(first.skipped);
      services.close();
    },
    LONG,
  );

  it(
    'leaves no half row when killed during the inspection, and inspects the file again at the next start',
    async () => {
      const fx = pageFixtures();
      const dataDir = await tempDir();
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, 'children/attach-and-inspect.ts'), dataDir, fx.duplex],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const sha256 = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          const m = /ATTACHED ([0-9a-f]{64})/.exec(chunk.toString());
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error(`the child ended before attaching: ${stderr}`)));
      });
      // The inspection of six scanned pages takes seconds: the kill lands while it runs.
      await new Promise((resolve) => setTimeout(resolve, 800));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      for (const row of storedRows(dataDir)) expect(fileInspection.parse(JSON.parse(row.result)).pages).toHaveLength(6);

      const { services, calls } = await countingServices(dataDir);
      await services.inspections.idle();
      const rows = storedRows(dataDir);
      expect(rows.map((r) => r.sha256)).toEqual([sha256]);
      const found = JSON.parse(rows[0]!.result) as FileInspection;
      expect(found.pages.map((p) => p.proposals.skip === true)).toEqual([false, true, false, true, false, true]);
      // Inspected again only when the killed child had not stored it.
      expect(calls.background.length).toBeLessThanOrEqual(1);
      services.close();
    },
    LONG,
  );
});
