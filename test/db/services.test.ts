import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/services/dispatch.ts';
import { openServices } from '../../electron/core/services/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { bytesOf, ghostscriptPdf } from '../helpers/make-pdf.ts';

const tempDir = useTempDir();

describe('the core services behind the API', () => {
  it('keep applicants and applications in the data folder across a reopen', async () => {
    const dataDir = await tempDir();
    const first = await openServices({ dataDir });
    const made = await dispatch(first.handlers, 'applicants:create', {
      name: ' 深圳市甲科技有限公司 ',
      creditCode: '91440300abc',
    });
    if (!made.ok) throw new Error(made.error.message);
    const created = made.value as { id: number };
    await first.handlers['applications:create']({
      applicantId: created.id,
      profileId: 'sz-model-voucher-2025',
      year: 2025,
    });
    await first.handlers['applicants:update']({ id: created.id, changes: { contact: '王五' } });
    first.close();

    const again = await openServices({ dataDir });
    const [applicant] = await again.handlers['applicants:list']({});
    expect(applicant).toMatchObject({ name: '深圳市甲科技有限公司', creditCode: '91440300ABC', contact: '王五' });
    expect(await again.handlers['applications:list']({ applicantId: created.id })).toHaveLength(1);
    again.close();
  });

  it('answer invalid input with the field and what to do, never a throw', async () => {
    const services = await openServices({ dataDir: await tempDir() });
    const empty = await dispatch(services.handlers, 'applicants:create', { name: '   ' });
    expect(empty).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        field: 'name',
        message: expect.stringContaining('「单位名称」有误：请填写申报单位名称'),
      },
    });
    const badDate = await dispatch(services.handlers, 'applicants:create', { name: '乙', established: '2025-02-30' });
    expect(badDate.ok || badDate.error.message).toMatch(/「成立日期」.*没有这一天/);
    const badCost = await dispatch(services.handlers, 'applications:saveCosts', {
      applicationId: 1,
      costs: [{ kind: 'api', amountFen: 1.5, paidOn: null }],
    });
    expect(badCost).toMatchObject({
      ok: false,
      error: { field: 'costs.0.amountFen', message: expect.stringMatching(/^「第 1 笔费用的金额（元）」有误/) },
    });
    expect(badCost.ok || badCost.error.message).not.toMatch(/costs|amountFen/);
    const extra = await dispatch(services.handlers, 'applications:list', { applicantId: 1, sql: 'DROP TABLE x' });
    expect(extra.ok).toBe(false);
    const unknown = await dispatch(services.handlers, 'applicants:drop', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    const missing = await dispatch(services.handlers, 'applicants:update', { id: 42, changes: { phone: '1' } });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('编号 42') },
    });
    services.close();
  });

  it('store an attachment once per content, refuse empty, unknown and damaged files by name', async () => {
    const dir = await tempDir();
    const services = await openServices({ dataDir: path.join(dir, 'data') });
    const { handlers } = services;
    const a = (await dispatch(handlers, 'applicants:create', { name: '丙公司' })) as {
      ok: true;
      value: { id: number };
    };
    const app = await handlers['applications:create']({
      applicantId: a.value.id,
      profileId: 'sz-model-voucher-2025',
      year: 2025,
    });
    const pdf = await bytesOf(await ghostscriptPdf(dir, 'licence.pdf', 'LICENCE', 2));
    const add = (fileName: string, bytes: Uint8Array) =>
      dispatch(handlers, 'attachments:add', { applicationId: app.id, materialId: 'business-license', fileName, bytes });
    const one = await add('执照.pdf', pdf);
    const two = await dispatch(handlers, 'attachments:add', {
      applicationId: app.id,
      materialId: 'application-form',
      fileName: '执照副本.pdf',
      bytes: pdf,
    });
    expect(one).toMatchObject({ ok: true, value: { mediaType: 'application/pdf', position: 1, pageCount: 2 } });
    expect(two).toMatchObject({ ok: true, value: { position: 1 } });
    // The same content twice in one material would print twice: refused, naming the file already there.
    expect(await add('执照（再次扫描）.pdf', pdf)).toMatchObject({
      ok: false,
      error: { code: 'file-duplicate', message: expect.stringContaining('与已添加的「执照.pdf」内容完全相同') },
    });
    const storedObjects = async () =>
      (await readdir(services.store.objectsDir, { recursive: true })).filter((f) => /[0-9a-f]{64}$/.test(f));
    expect(await storedObjects()).toHaveLength(1); // the same bytes twice are stored once

    expect(await add('空.pdf', new Uint8Array())).toMatchObject({
      ok: false,
      error: { code: 'file-empty', message: expect.stringContaining('「空.pdf」') },
    });
    expect(await add('说明.txt', new TextEncoder().encode('hello'))).toMatchObject({
      ok: false,
      error: { code: 'file-kind' },
    });
    const truncated = await add('截断.pdf', pdf.subarray(0, 400));
    expect(truncated).toMatchObject({ ok: false, error: { message: expect.stringContaining('截断.pdf') } });
    expect(await storedObjects()).toHaveLength(1); // refused copies are taken out of the store at once
    expect(await handlers['attachments:list']({ applicationId: app.id })).toHaveLength(2);
    services.close();
  });

  it('keep a removed attachment’s file until the next start-up cleanup, which drops it when nothing names it', async () => {
    const dir = await tempDir();
    const dataDir = path.join(dir, 'data');
    const services = await openServices({ dataDir });
    const a = (await dispatch(services.handlers, 'applicants:create', { name: '丁公司' })) as {
      ok: true;
      value: { id: number };
    };
    const app = await services.handlers['applications:create']({
      applicantId: a.value.id,
      profileId: 'sz-model-voucher-2025',
      year: 2025,
    });
    const bytes = await bytesOf(await ghostscriptPdf(dir, 'plan.pdf', 'PLAN', 1));
    const added = await dispatch(services.handlers, 'attachments:add', {
      applicationId: app.id,
      materialId: 'construction-plan',
      fileName: '方案.pdf',
      bytes,
    });
    if (!added.ok) throw new Error(added.error.message);
    const { id, sha256 } = added.value as { id: number; sha256: string };
    expect(await dispatch(services.handlers, 'attachments:remove', { id })).toMatchObject({
      ok: true,
      value: { removed: true },
    });
    expect(await services.handlers['attachments:list']({ applicationId: app.id })).toEqual([]);
    expect(await services.store.has(sha256)).toBe(true);
    services.close();

    // No backup was taken while the file was attached, so nothing names it any more.
    const again = await openServices({ dataDir });
    expect(await again.store.has(sha256)).toBe(false);
    again.close();
  });

  it('keep a removed attachment’s file when a backup still names it, so restoring that backup loses nothing', async () => {
    const dir = await tempDir();
    const dataDir = path.join(dir, 'data');
    const services = await openServices({ dataDir });
    const a = (await dispatch(services.handlers, 'applicants:create', { name: '戊公司' })) as {
      ok: true;
      value: { id: number };
    };
    const app = await services.handlers['applications:create']({
      applicantId: a.value.id,
      profileId: 'sz-model-voucher-2025',
      year: 2025,
    });
    const bytes = await bytesOf(await ghostscriptPdf(dir, 'plan.pdf', 'PLAN', 1));
    const added = await dispatch(services.handlers, 'attachments:add', {
      applicationId: app.id,
      materialId: 'construction-plan',
      fileName: '方案.pdf',
      bytes,
    });
    if (!added.ok) throw new Error(added.error.message);
    const { id, sha256 } = added.value as { id: number; sha256: string };
    expect(await dispatch(services.handlers, 'backup:create', {})).toMatchObject({ ok: true });
    await dispatch(services.handlers, 'attachments:remove', { id });
    services.close();

    const again = await openServices({ dataDir });
    expect(await again.store.has(sha256)).toBe(true);
    again.close();
  });
});
