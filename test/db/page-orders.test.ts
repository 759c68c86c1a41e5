/**
 * The order the clerk puts a file's pages in (`pages:reorder`, migration 008): stored in a real SQLite file, refused
 * when it is not an order of the file's pages, shown by `pages:get` and `applications:get`, carried by the staged
 * manifest, and kept through a removal's undo and 复制为新申请.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FilePages } from '#shared/contract/index.ts';
import { findProfile } from '#shared/profiles/index.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { getPageOrder, setPageOrder } from '../../electron/core/db/queries/page-orders.ts';
import { manifestOfDetail } from '../../electron/core/services/dossier-manifest.ts';
import { openServices } from '../../electron/core/services/index.ts';
import { ask } from '../helpers/ask.ts';
import { bytesOf, ghostscriptPdf } from '../helpers/make-pdf.ts';
import { databaseBefore } from '../helpers/database-before.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

describe('migration 008-page-orders', () => {
  it('keeps the attachments of the version before and stores one order per file, gone with its attachment', async () => {
    const file = path.join(await tempDir(), 'm8.sqlite3');
    const before = databaseBefore(file, '008-page-orders');
    const attach = before.prepare(
      `INSERT INTO attachments (application_id, material_id, position, original_name, sha256, size, media_type,
         page_count, created_at) VALUES (1, 'm', ?, ?, ?, 1, 'application/pdf', ?, 't')`,
    );
    attach.run(1, '合同.pdf', 'a'.repeat(64), 4);
    attach.run(2, '发票.pdf', 'b'.repeat(64), 2);
    before.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 2 });
    expect(getPageOrder(db, 1, 4)).toBeUndefined();
    setPageOrder(db, 1, [3, 1, 4, 2]);
    setPageOrder(db, 1, [4, 3, 2, 1]);
    setPageOrder(db, 2, [2, 1]);
    expect(getPageOrder(db, 1, 4)).toEqual([4, 3, 2, 1]);
    expect(getPageOrder(db, 2, 2)).toEqual([2, 1]);
    // A stored list that is no order of the file's pages is not used: the file prints in its own order.
    expect(getPageOrder(db, 1, 5)).toBeUndefined();
    setPageOrder(db, 2, null);
    expect(getPageOrder(db, 2, 2)).toBeUndefined();
    expect(() => db.prepare('INSERT INTO page_orders VALUES (2, ?)').run('{"a":1}')).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO page_orders VALUES (2, ?)').run('[1,')).toThrow(/CHECK|malformed/);
    expect(() => db.prepare("INSERT INTO page_orders VALUES (9, '[1]')").run()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM attachments WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM page_orders').get()).toEqual({ n: 0 });
    db.close();
  });
});

async function seeded() {
  const dir = await tempDir();
  const services = await openServices({ dataDir: path.join(dir, 'data') });
  const h = services.handlers;
  const company = await h['applicants:create']({ name: '庚公司' } as Parameters<(typeof h)['applicants:create']>[0]);
  const app = await h['applications:create']({
    applicantId: company.id,
    profileId: 'sz-model-voucher-2025',
    year: 2025,
  });
  const bytes = new Uint8Array(await bytesOf(await ghostscriptPdf(dir, 'plan.pdf', 'PLAN', 4)));
  const file = await h['attachments:add']({
    applicationId: app.id,
    materialId: 'construction-plan',
    fileName: '建设方案.pdf',
    bytes,
  });
  const reorder = (order: number[] | null) =>
    ask<FilePages>(services, 'pages:reorder', { attachmentId: file.id, order });
  return { services, company, app, file, reorder };
}

describe('pages:reorder', () => {
  it('stores the clerk’s order, shows it everywhere, refuses what is not an order of the pages, and goes back', async () => {
    const { services, app, file, reorder } = await seeded();
    const fresh = await ask<FilePages>(services, 'pages:get', { attachmentId: file.id });
    expect(fresh.order).toEqual([1, 2, 3, 4]);

    const moved = await reorder([3, 1, 4, 2]);
    expect(moved.order).toEqual([3, 1, 4, 2]);
    // The pages stay listed by their number in the file; only the order says how they print.
    expect(moved.pages.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    expect((await ask<FilePages>(services, 'pages:get', { attachmentId: file.id })).order).toEqual([3, 1, 4, 2]);
    const detail = await services.handlers['applications:get']({ id: app.id });
    expect(detail.attachments[0]!.pageOrder).toEqual([3, 1, 4, 2]);
    const manifest = manifestOfDetail(detail, findProfile('sz-model-voucher-2025')!);
    const planFiles = manifest.materials.find((m) => m.id === 'construction-plan')!.files!;
    expect(planFiles[0]).toMatchObject({ pages: { order: [3, 1, 4, 2] } });

    const refused = '「建设方案.pdf」共 4 页，新的页序须把第 1 至第 4 页各列一次，不多不少。请刷新页面后重新调整页序。';
    for (const wrong of [
      [1, 2, 3],
      [1, 2, 3, 4, 4],
      [1, 1, 2, 3],
      [1, 2, 3, 5],
    ])
      await expect(reorder(wrong), JSON.stringify(wrong)).rejects.toThrow(`page-order-invalid: ${refused}`);
    // Refused at the boundary: not page numbers at all.
    for (const wrong of [
      [1.5, 2, 3, 4],
      [0, 1, 2, 3],
    ])
      await expect(reorder(wrong)).rejects.toThrow(/^invalid-input/);
    expect((await ask<FilePages>(services, 'pages:get', { attachmentId: file.id })).order).toEqual([3, 1, 4, 2]);

    // The file's own order, given or asked for with null, is stored as no order at all.
    expect((await reorder([1, 2, 3, 4])).order).toEqual([1, 2, 3, 4]);
    expect(services.db.prepare('SELECT count(*) AS n FROM page_orders').get()).toEqual({ n: 0 });
    await reorder([2, 1, 3, 4]);
    expect((await reorder(null)).order).toEqual([1, 2, 3, 4]);
    const back = await services.handlers['applications:get']({ id: app.id });
    expect(back.attachments[0]!.pageOrder).toBeUndefined();
    const plain = manifestOfDetail(back, findProfile('sz-model-voucher-2025')!);
    expect(plain.materials.find((m) => m.id === 'construction-plan')!.files![0]).toEqual(
      expect.stringMatching(/^\d+\/1\/建设方案\.pdf$/),
    );
    services.close();
  });

  it('keeps the order through a removal’s undo and into a copy made by 复制为新申请', async () => {
    const { services, app, file, reorder } = await seeded();
    await reorder([4, 3, 2, 1]);
    const h = services.handlers;
    const removed = await h['attachments:remove']({ id: file.id });
    expect((await h['applications:get']({ id: app.id })).attachments).toEqual([]);
    await h['removals:undo']({ undoToken: removed.undoToken! });
    expect((await ask<FilePages>(services, 'pages:get', { attachmentId: file.id })).order).toEqual([4, 3, 2, 1]);

    const gone = await h['applications:remove']({ id: app.id });
    await h['removals:undo']({ undoToken: gone.undoToken });
    expect((await h['applications:get']({ id: app.id })).attachments[0]!.pageOrder).toEqual([4, 3, 2, 1]);

    const copy = await h['applications:duplicate']({ id: app.id });
    const copied = (await h['applications:get']({ id: copy.id })).attachments[0]!;
    expect(copied.id).not.toBe(file.id);
    expect(copied.pageOrder).toEqual([4, 3, 2, 1]);
    // Each application keeps its own order from then on.
    await ask<FilePages>(services, 'pages:reorder', { attachmentId: copied.id, order: null });
    expect((await h['applications:get']({ id: app.id })).attachments[0]!.pageOrder).toEqual([4, 3, 2, 1]);
    expect((await h['applications:get']({ id: copy.id })).attachments[0]!.pageOrder).toBeUndefined();
    services.close();
  });

  it('comes back with a restored backup', async () => {
    const { services, file, reorder } = await seeded();
    await reorder([2, 4, 1, 3]);
    const kept = await ask<{ name: string }>(services, 'backup:create', {});
    await reorder(null);
    await ask(services, 'backup:restore', { name: kept.name });
    expect((await ask<FilePages>(services, 'pages:get', { attachmentId: file.id })).order).toEqual([2, 4, 1, 3]);
    services.close();
  });
});
