/**
 * The clerk's decisions on single pages through the API (`pages:get`, `pages:decide`): the findings and proposals
 * of each page, a decision that wins over a proposal, its undo, and the dossier job applying them.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Attachment, FilePages, PageMap } from '#shared/contract/index.ts';
import { pageFixtures } from '../fixtures/page-fixtures.ts';
import { ask } from '../helpers/ask.ts';
import { openServicesWithJobEnds } from '../helpers/job-ends.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

describe('the clerk’s page decisions', () => {
  it('shows each page’s proposals, lets a decision win and be undone, and the dossier follows it', async () => {
    const fx = pageFixtures();
    const { services, jobEnd } = await openServicesWithJobEnds({ dataDir: await tempDir(), inspectInBackground: true });
    const applicant = await ask<{ id: number }>(services, 'applicants:create', { name: '深圳市卷宗测试有限公司' });
    const { id: applicationId } = await ask<{ id: number }>(services, 'applications:create', {
      applicantId: applicant.id,
      profileId: 'sz-model-voucher-2025',
      year: 2025,
    });
    const duplex = await ask<Attachment>(services, 'attachments:add', {
      applicationId,
      materialId: 'application-form',
      fileName: '申请书（双面扫描）.pdf',
      bytes: new Uint8Array(await readFile(fx.duplex)),
    });
    await ask<Attachment>(services, 'attachments:add', {
      applicationId,
      materialId: 'service-contract',
      fileName: '服务合同.pdf',
      bytes: new Uint8Array(await readFile(fx.turnedScan)),
    });
    const pending = await ask<FilePages>(services, 'pages:get', { attachmentId: duplex.id });
    expect(pending.inspection).toBe('pending');
    expect(pending.pages.map((p) => p.findings)).toEqual([null, null, null, null, null, null]);

    await services.inspections.idle();
    const inspected = await ask<FilePages>(services, 'pages:get', { attachmentId: duplex.id });
    expect(inspected.inspection).toBe('done');
    expect(inspected.pages.map((p) => p.applied.skip ?? '-')).toEqual([
      '-',
      'inspection',
      '-',
      'inspection',
      '-',
      'inspection',
    ]);
    expect(inspected.pages[1]!.said).toEqual(['空白页，将略去（不打印、不编页码）']);

    const decide = (page: number, change: object) =>
      ask<FilePages>(services, 'pages:decide', { attachmentId: duplex.id, page, ...change });
    await decide(2, { skip: false });
    await decide(1, { skip: true });
    const decided = await decide(3, { turn: 90 });
    expect(decided.pages.map((p) => p.applied.skip ?? '-')).toEqual([
      'clerk',
      '-',
      '-',
      'inspection',
      '-',
      'inspection',
    ]);
    expect(decided.pages[1]!.decision).toEqual({ skip: false });
    expect(decided.pages[2]!.applied.turn).toEqual({ by: 'clerk', degrees: 90 });
    await expect(decide(7, { skip: true })).rejects.toThrow(
      /page-out-of-range: 「申请书（双面扫描）\.pdf」只有 6 页，没有第 7 页/,
    );

    const { jobId } = await ask<{ jobId: string }>(services, 'dossier:start', { applicationId });
    const map = (await jobEnd(jobId)).pageMap as PageMap;
    expect(map.skipped!.map((s) => `${s.page}:${s.by}`)).toEqual(['1:clerk', '4:inspection', '6:inspection']);
    const printed = map.pageList!.filter((e) => e.kind === 'content' && e.source!.material === 'application-form');
    expect(printed.map((e) => e.source!.page)).toEqual([2, 3, 5]);
    expect(printed[1]!.changes?.turn).toEqual({ by: 'clerk', degrees: 90 });
    expect(path.basename(printed[0]!.source!.file)).toBe('申请书（双面扫描）.pdf');

    // The checklist lists each change, read back from its PDF by poppler.
    const checklist = path.join(await tempDir(), 'checklist.pdf');
    const { bytes } = await ask<{ bytes: Uint8Array }>(services, 'dossier:content', { jobId, which: 'checklist' });
    await writeFile(checklist, bytes);
    const text = execFileSync('pdftotext', [checklist, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const numberOf = (material: string, page: number) =>
      map.pageList!.find((e) => e.source?.material === material && e.source.page === page)!.number;
    for (const line of [
      '申请书（双面扫描）.pdf第1页：按您的选择略去（不打印、不编页码）',
      `申请书（双面扫描）.pdf第3页（卷宗第${numberOf('application-form', 3)}页）：按您的选择顺时针旋转90°`,
      '申请书（双面扫描）.pdf第4页：扫描空白背面，已略去',
      '申请书（双面扫描）.pdf第6页：扫描空白背面，已略去',
      `服务合同.pdf第2页（卷宗第${numberOf('service-contract', 2)}页）：倒置，已转正`,
      `服务合同.pdf第3页（卷宗第${numberOf('service-contract', 3)}页）：横置，已转正`,
    ])
      expect(text).toContain(line);
    expect(text).not.toContain('申请书（双面扫描）.pdf第2页');

    const undone = await decide(2, { skip: null });
    expect(undone.pages[1]!.decision).toEqual({});
    expect(undone.pages[1]!.applied.skip).toBe('inspection');
    const unturned = await decide(3, { turn: null });
    expect(unturned.pages[2]!.applied.turn).toBeUndefined();
    services.close();
  }, 300_000);
});
