/**
 * 标记为已递交 and the reprint through the services and the CLI, on a real SQLite file and real PDFs: the frozen
 * dossier survives a restart, the plan names the changed sheets, and the reprint PDF holds exactly those sheets
 * (read back with pdfinfo and pdftotext).
 */
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ApplicationDetail, ReprintPlan, Submission } from '#shared/contract/index.ts';
import { dossierOutputPath } from '../../electron/core/services/dossier-jobs.ts';
import type { Services } from '../../electron/core/services/index.ts';
import { ask } from '../helpers/ask.ts';
import { openServicesWithJobEnds } from '../helpers/job-ends.ts';
import { bytesOf, ghostscriptPdf, pdfText } from '../helpers/make-pdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { attachFile, newApplication } from '../helpers/application.ts';
import { juanzong } from '../cli/run-cli.ts';

const run = promisify(execFile);
const tempDir = useTempDir();
/** Each test generates one or two dossiers on a shared two-core machine. */
const slow = 240_000;

async function pdfinfoPages(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}

/** The printed page numbers (`— 7 —`) pdftotext finds in the file. */
async function printedNumbers(file: string): Promise<number[]> {
  const text = await pdfText(file);
  return [...text.matchAll(/—\s*(\d+)\s*—/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
}

/** Form 3 pages, licence 1, contract 2. Duplex: cover+blank, contents+blank, form on sheets 3–4, licence 5, contract 6. */
async function application(services: Services, dir: string) {
  const id = await newApplication(services, '深圳市递交测试有限公司');
  const attach = (materialId: string, file: string) => attachFile(services, id, materialId, file);
  await attach('application-form', await ghostscriptPdf(dir, 'form.pdf', 'FORM', 3));
  const licenceId = await attach('business-license', await ghostscriptPdf(dir, 'licence.pdf', 'LICENCE', 1));
  await attach('service-contract', await ghostscriptPdf(dir, 'contract.pdf', 'CONTRACT', 2));
  // The pages' inspection (blank backs, skew…) has nothing to find in these files: left out, the jobs are quicker.
  await ask(services, 'applications:setOptions', { applicationId: id, options: { autoFix: false } });
  return { applicationId: id, licenceId };
}

async function generate(services: Services, jobEnd: (id: string) => Promise<unknown>, applicationId: number) {
  const { jobId } = await ask<{ jobId: string }>(services, 'dossier:start', { applicationId });
  await jobEnd(jobId);
  return jobId;
}

describe('标记为已递交 and the reprint', () => {
  it(
    'keeps the printed dossier, and after a turned page reprints just that sheet with its seals',
    async () => {
      const dir = await tempDir();
      const dataDir = path.join(dir, 'data');
      const opened = await openServicesWithJobEnds({ dataDir, now: () => '2026-12-07T02:00:00.000Z' });
      const { applicationId } = await application(opened.services, dir);
      const firstJob = await generate(opened.services, opened.jobEnd, applicationId);
      const submitted = await ask<Submission>(opened.services, 'submission:mark', { applicationId, jobId: firstJob });
      expect(submitted).toMatchObject({ applicationId, submittedAt: '2026-12-07T02:00:00.000Z', pages: 12, sheets: 6 });
      const printed = await readFile(dossierOutputPath(dataDir, firstJob, 'dossier'));
      opened.services.close();

      // A restart: the frozen PDF is still in the store (start-up cleanup keeps it), byte for byte.
      const again = await openServicesWithJobEnds({ dataDir });
      const { services, jobEnd } = again;
      const kept = await ask<{ submission: Submission }>(services, 'submission:get', { applicationId });
      expect(kept.submission?.sha256).toBe(submitted.sha256);
      expect((await services.store.read(submitted.sha256)).equals(printed)).toBe(true);

      // A .juanzong archive carries the submission and its PDF to another data folder.
      const archive = await ask<{ path: string; files: number }>(services, 'archive:export', { applicationId });
      expect(archive.files).toBe(4);
      const other = await openServicesWithJobEnds({ dataDir: path.join(dir, 'other') });
      const imported = await ask<{ applicationId: number }>(other.services, 'archive:import', {
        fileName: 'a.juanzong',
        bytes: new Uint8Array(await readFile(archive.path)),
      });
      const carried = await ask<{ submission: Submission }>(other.services, 'submission:get', {
        applicationId: imported.applicationId,
      });
      expect(carried.submission).toMatchObject({ sha256: submitted.sha256, pages: 12, sheets: 6 });
      expect((await other.services.store.read(submitted.sha256)).equals(printed)).toBe(true);
      other.services.close();

      const detail = await ask<ApplicationDetail>(services, 'applications:get', { id: applicationId });
      const form = detail.attachments.find((a) => a.materialId === 'application-form')!;
      await ask(services, 'attachments:turnPage', { id: form.id, page: 2, turn: 180 });
      const jobId = await generate(services, jobEnd, applicationId);
      const plan = await ask<ReprintPlan>(services, 'submission:reprintPlan', { applicationId, jobId });
      expect(plan.sheets.map((s) => [s.sheet, s.pages, s.numbers, s.reasons[0]?.kind])).toEqual([
        [3, [5, 6], [3, 4], 'content'],
      ]);
      expect(plan.said).toEqual([
        '第 3 张（第 3–4 页）：材料“资助项目申请书”内容有变；在第 3 页（“资助项目申请书”首页）加盖公章；重新加盖“资助项目申请书”的骑缝章（第 3–4 张）',
      ]);

      const made = await ask<{ path: string; sheets: number }>(services, 'submission:reprintPdf', {
        applicationId,
        jobId,
      });
      expect(await pdfinfoPages(made.path)).toBe(2);
      expect(await printedNumbers(made.path)).toEqual([3, 4]);
      const text = await pdfText(made.path);
      expect(text).toContain('FORM 1');
      expect(text).not.toMatch(/FORM 3|LICENCE|CONTRACT/);
      expect(readdirSync(path.dirname(made.path))).toEqual(['reprint.pdf']);

      expect(await ask(services, 'submission:unmark', { applicationId })).toEqual({ removed: true });
      expect(await ask(services, 'submission:get', { applicationId })).toEqual({ submission: null });
      services.close();
    },
    slow,
  );

  it('refuses to mark a dossier that is not this application’s finished one', async () => {
    const dir = await tempDir();
    const { services } = await openServicesWithJobEnds({ dataDir: path.join(dir, 'data') });
    const { applicationId } = await application(services, dir);
    await expect(ask(services, 'submission:mark', { applicationId, jobId: 'no-such-job' })).rejects.toThrow(
      /dossier-not-ready: .*请先点「生成卷宗」/,
    );
    await expect(ask(services, 'submission:reprintPlan', { applicationId, jobId: 'x' })).rejects.toThrow(
      /not-submitted: 这个申报项目还没有标记为已递交/,
    );
    services.close();
  });

  it(
    'juanzong submit, then reprint after the licence got a second page: the new sheet and the shifted ones',
    async () => {
      const dir = await tempDir();
      const dataDir = path.join(dir, 'data');
      const opened = await openServicesWithJobEnds({ dataDir });
      const { applicationId, licenceId } = await application(opened.services, dir);
      opened.services.close();

      const submit = await juanzong(['--data', dataDir, 'submit', String(applicationId)]);
      expect(submit.stderr).toBe('');
      expect(submit.stdout).toMatch(/已标记为已递交（\d{4}-\d{2}-\d{2}）：共 12 页、6 张纸/);

      const { services } = await openServicesWithJobEnds({ dataDir });
      await ask(services, 'attachments:remove', { id: licenceId });
      await ask(services, 'attachments:add', {
        applicationId,
        materialId: 'business-license',
        fileName: 'licence-2.pdf',
        bytes: await bytesOf(await ghostscriptPdf(dir, 'licence-2.pdf', 'LICENCE', 2)),
      });
      services.close();

      const out = path.join(dir, '补打.pdf');
      const reprint = await juanzong(['--data', dataDir, 'reprint', String(applicationId), '--out', out]);
      expect(reprint.stderr).toBe('');
      // Licence now 2 pages on sheet 5 (numbers 6–7); the contract's numbers move from 7–8 to 8–9; contents change.
      expect(reprint.stdout).toContain('第 2 张（第 2 页）：目录内容有变');
      expect(reprint.stdout).toContain('第 5 张（第 6–7 页）：材料“申报单位营业执照（复印件）”内容有变');
      expect(reprint.stdout).toContain('第 6 张（第 8–9 页）：页码移动了；在第 8 页');
      expect(await pdfinfoPages(out)).toBe(6);
      expect(await printedNumbers(out)).toEqual([2, 6, 7, 8, 9]);
      expect(await pdfText(out)).toMatch(/LICENCE 2/);

      const usage = await juanzong(['--data', dataDir, 'reprint', String(applicationId)]);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('请用 --out 写出补打 PDF 的保存路径');
    },
    slow,
  );

  it('migration 006 makes the submissions table, one row per application', async () => {
    const dir = await tempDir();
    const { services } = await openServicesWithJobEnds({ dataDir: path.join(dir, 'data') });
    services.close();
    const db = new Database(path.join(dir, 'data', 'juanzong.sqlite3'), { readonly: true });
    const columns = (db.prepare('PRAGMA table_info(submissions)').all() as { name: string; pk: number }[]).map((c) =>
      c.pk ? `${c.name}*` : c.name,
    );
    db.close();
    expect(columns).toEqual(['application_id*', 'submitted_at', 'sha256', 'pages', 'page_map', 'snapshot', 'note']);
    expect(existsSync(path.join(dir, 'data', 'reprints'))).toBe(false);
  });
});
