/**
 * The order the clerk put a file's pages in travels in a `.juanzong` archive (its `pageOrders` rows): imported, the
 * pages come back in that order; an archive whose order does not list each page of its file once is refused, and
 * nothing is written.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { exportArchive } from '../../electron/core/archive/export-archive.ts';
import { manifestEntry } from '../../electron/core/archive/entry-names.ts';
import { importArchive } from '../../electron/core/archive/import-archive.ts';
import { openServices } from '../../electron/core/services/index.ts';
import { call, ensureApplication } from '../crash/children/seed.ts';
import { bytesOf, ghostscriptPdf } from '../helpers/make-pdf.ts';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'juanzong-archive-order-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** An application with a three-page file whose pages the clerk put in the order 3, 1, 2, exported. */
async function exported(root: string): Promise<string> {
  const s = await openServices({ dataDir: path.join(root, 'a') });
  const applicationId = await ensureApplication(s);
  const file = await call(s, 'attachments:add', {
    applicationId,
    materialId: 'construction-plan',
    fileName: '建设方案.pdf',
    bytes: new Uint8Array(await bytesOf(await ghostscriptPdf(root, 'plan.pdf', 'PLAN', 3))),
  });
  await call(s, 'pages:reorder', { attachmentId: file.id, order: [3, 1, 2] });
  await call(s, 'pages:decide', { attachmentId: file.id, page: 2, skip: true });
  const out = path.join(root, '方案.juanzong');
  await exportArchive(s, applicationId, out);
  s.close();
  return out;
}

describe('page orders in a .juanzong archive', () => {
  it('come back in the clerk’s order, with the page left out still left out', async () => {
    const root = fresh();
    const archive = await exported(root);
    const b = await openServices({ dataDir: path.join(root, 'b') });
    const { applicationId } = await importArchive(b, archive);
    const [file] = (await call(b, 'applications:get', { id: applicationId })).attachments;
    expect(file).toMatchObject({ originalName: '建设方案.pdf', pageOrder: [3, 1, 2], decisions: { '2': 'skip' } });
    const pages = await call(b, 'pages:get', { attachmentId: file!.id });
    expect(pages.order).toEqual([3, 1, 2]);
    b.close();
  });

  it.each([['[1,1,2]'], ['[1,2]'], ['[3,1,2,4]'], ['"3,1,2"']])(
    'refuses an archive whose order is %s, writing nothing',
    async (pages) => {
      const root = fresh();
      const archive = await exported(root);
      const entries = unzipSync(readFileSync(archive));
      const manifest = JSON.parse(strFromU8(entries[manifestEntry]!)) as { pageOrders: { pages: string }[] };
      manifest.pageOrders[0]!.pages = pages;
      entries[manifestEntry] = strToU8(JSON.stringify(manifest));
      writeFileSync(archive, zipSync(entries));
      const b = await openServices({ dataDir: path.join(root, 'b') });
      const refused = (await importArchive(b, archive).catch((e: unknown) => e)) as Error & { code: string };
      expect(refused).toMatchObject({ code: 'archive-invalid-data' });
      expect(refused.message).toContain('方案.juanzong');
      expect(refused.message).toContain('第 1 个页序');
      expect(await call(b, 'applications:list', {})).toEqual([]);
      b.close();
    },
  );
});
