/**
 * What a file's paper copy leaves out, found when it is attached and kept on its card; the clerk's switch to keep
 * its review markup, stored and carried into the manifest the assembler reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApplicationDetail, Attachment } from '#shared/contract/index.ts';
import { findProfile } from '#shared/profiles/index.ts';
import { dispatch } from '../../electron/core/services/dispatch.ts';
import { stageManifest } from '../../electron/core/services/dossier-manifest.ts';
import { openServices, type Services } from '../../electron/core/services/index.ts';
import { contentFixtures } from '../fixtures/content-fixtures.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

async function ask<T>(services: Services, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(services.handlers, channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('content notices and the keep-markup switch', () => {
  it('keeps the notices found at attach time, and the switch, across a reopen; the manifest carries the switch', async () => {
    const fx = contentFixtures();
    const dataDir = await tempDir();
    const services = await openServices({ dataDir });
    const applicant = await ask<{ id: number }>(services, 'applicants:create', {
      name: '深圳市甲科技有限公司',
      creditCode: '91440300MA5FXXXX0X',
    });
    const { id } = await ask<{ id: number }>(services, 'applications:create', {
      applicantId: applicant.id,
      profileId: 'sz-model-voucher-2025',
      year: 2025,
    });
    const add = (fileName: string, file: string) =>
      ask<Attachment>(services, 'attachments:add', {
        applicationId: id,
        materialId: 'financial-statements',
        fileName,
        bytes: new Uint8Array(fs.readFileSync(file)),
      });
    const reviewed = await add('预算说明（批注）.pdf', fx.reviewed);
    expect(reviewed.keepMarkup).toBe(false);
    expect(reviewed.notices).toEqual([
      expect.objectContaining({
        code: 'markup-removed',
        count: 8,
        message: expect.stringContaining('已去掉 8 处批注'),
      }),
    ]);
    const attached = await add('附件说明.pdf', fx.attachments);
    expect(attached.notices.map((n) => n.code)).toEqual(['attachments-left-out', 'links-left-out', 'scripts-left-out']);
    await expect(add('承诺书.pdf', fx.undrawableForm)).rejects.toThrow(/承诺书\.pdf.*表单栏“生僻字”/);

    const kept = await ask<ApplicationDetail>(services, 'attachments:keepMarkup', { id: reviewed.id, keep: true });
    expect(kept.attachments.find((a) => a.id === reviewed.id)?.keepMarkup).toBe(true);
    services.close();

    const again = await openServices({ dataDir });
    const detail = await ask<ApplicationDetail>(again, 'applications:get', { id });
    const stored = detail.attachments.find((a) => a.id === reviewed.id)!;
    expect(stored).toMatchObject({ keepMarkup: true, notices: [expect.objectContaining({ code: 'markup-removed' })] });
    const manifest = await stageManifest(
      detail,
      findProfile('sz-model-voucher-2025')!,
      again.store,
      path.join(dataDir, 'inputs'),
    );
    const files = manifest.materials.find((m) => m.id === 'financial-statements')!.files!;
    expect(files).toEqual([expect.objectContaining({ keepMarkup: true }), expect.stringContaining('附件说明.pdf')]);
    again.close();
  });
});
