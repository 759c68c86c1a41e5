/**
 * `pages:get` in a data folder opened read-only (another process owns it): nothing is inspected there, so a file
 * without stored findings is `read-only` (the window stops waiting), while stored findings show as they are.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Attachment, FilePages } from '#shared/contract/index.ts';
import { openServices, openServicesToRead } from '../../electron/core/services/index.ts';
import { pageFixtures } from '../fixtures/page-fixtures.ts';
import { ask } from '../helpers/ask.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

describe('pages:get in a read-only data folder', () => {
  it('answers read-only for a file never inspected, the stored findings for one that was', async () => {
    const fx = pageFixtures();
    const dataDir = await tempDir();
    const owner = await openServices({ dataDir });
    try {
      const applicant = await ask<{ id: number }>(owner, 'applicants:create', { name: '深圳市卷宗测试有限公司' });
      const { id: applicationId } = await ask<{ id: number }>(owner, 'applications:create', {
        applicantId: applicant.id,
        profileId: 'sz-model-voucher-2025',
        year: 2025,
      });
      const add = async (materialId: string, from: string) =>
        ask<Attachment>(owner, 'attachments:add', {
          applicationId,
          materialId,
          fileName: 'scan.pdf',
          bytes: new Uint8Array(await readFile(from)),
        });
      const inspected = await add('application-form', fx.duplex);
      const never = await add('service-contract', fx.turnedScan);
      await owner.inspections.ensure([inspected.sha256]);
      expect((await ask<FilePages>(owner, 'pages:get', { attachmentId: never.id })).inspection).toBe('pending');

      const reader = await openServicesToRead({ dataDir, inspectInBackground: true });
      try {
        expect(reader.lock).toBeNull();
        const pagesOf = (attachmentId: number) => ask<FilePages>(reader, 'pages:get', { attachmentId });
        const notInspected = await pagesOf(never.id);
        expect(notInspected.inspection).toBe('read-only');
        expect(notInspected.pages.map((p) => [p.findings, p.applied])).toEqual(Array(4).fill([null, {}]));
        const stored = await pagesOf(inspected.id);
        expect(stored.inspection).toBe('done');
        expect(stored.pages.map((p) => p.applied.skip ?? '-')).toEqual([
          '-',
          'inspection',
          '-',
          'inspection',
          '-',
          'inspection',
        ]);
      } finally {
        reader.close();
      }
    } finally {
      owner.close();
    }
  });
});
