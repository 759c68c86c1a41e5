/**
 * Automatic fixes the clerk turns off for a whole file (`pages:decide` `fixes`): the pages stop showing them, the
 * staged manifest says `"none"`, and the dossier really skips them (read back by poppler), until turned back on.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApplicationDetail, Attachment, FilePages, PageMap } from '#shared/contract/index.ts';
import { findProfile } from '#shared/profiles/index.ts';
import { manifestOfDetail } from '../../electron/core/services/dossier-manifest.ts';
import { pageFixtures } from '../fixtures/page-fixtures.ts';
import { ask } from '../helpers/ask.ts';
import { openServicesWithJobEnds } from '../helpers/job-ends.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

/** The first embedded image's pixel width and height on the dossier's physical page `page`, by poppler's `pdfimages`. */
function imageSize(pdf: string, page: number): { width: number; height: number } {
  const list = execFileSync('pdfimages', ['-f', String(page), '-l', String(page), '-list', pdf], { encoding: 'utf8' });
  return list
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/))
    .map((cols) => ({ width: Number(cols[3]), height: Number(cols[4]) }))[0]!;
}

describe('automatic fixes turned off for a whole file', () => {
  it('leaves a photo uncut and a long screenshot whole in the dossier, and applies them again once back on', async () => {
    const fx = pageFixtures();
    const dir = await tempDir();
    const { services, jobEnd } = await openServicesWithJobEnds({ dataDir: dir, inspectInBackground: true });
    const applicant = await ask<{ id: number }>(services, 'applicants:create', { name: '深圳市卷宗测试有限公司' });
    const { id: applicationId } = await ask<{ id: number }>(services, 'applications:create', {
      applicantId: applicant.id,
      profileId: 'sz-model-voucher-2025',
      year: 2025,
    });
    const attach = async (materialId: string, fileName: string, file: string) =>
      ask<Attachment>(services, 'attachments:add', {
        applicationId,
        materialId,
        fileName,
        bytes: new Uint8Array(await readFile(file)),
      });
    const photo = await attach('business-license', '营业执照.jpg', fx.photoDark);
    const long = await attach('construction-plan', '名单长截图.png', fx.longScreenshot);
    await services.inspections.idle();

    const pagesOf = (id: number) => ask<FilePages>(services, 'pages:get', { attachmentId: id });
    expect((await pagesOf(photo.id)).pages[0]!.applied.crop).toBe(true);
    expect((await pagesOf(long.id)).pages[0]!.applied.split).toBe(6);

    const dossier = async (name: string) => {
      const { jobId } = await ask<{ jobId: string }>(services, 'dossier:start', { applicationId });
      const map = (await jobEnd(jobId)).pageMap as PageMap;
      const pdf = path.join(dir, `${name}.pdf`);
      const { bytes } = await ask<{ bytes: Uint8Array }>(services, 'dossier:content', { jobId, which: 'dossier' });
      await writeFile(pdf, bytes);
      const of = (material: string) => map.pageList!.filter((e) => e.source?.material === material);
      return { pdf, map, of };
    };
    const fixed = await dossier('fixed');
    expect(fixed.of('construction-plan')).toHaveLength(6);
    expect(fixed.of('business-license')[0]!.changes?.crop).toBe(true);

    const decide = (attachmentId: number, fixes: object) =>
      ask<FilePages>(services, 'pages:decide', { attachmentId, page: 1, fixes });
    const uncut = await decide(photo.id, { crop: false });
    expect(uncut.pages[0]!.applied.crop).toBeUndefined();
    expect(uncut.pages[0]!.decision.fixesOff).toEqual(['crop']);
    const whole = await decide(long.id, { split: false });
    expect(whole.pages[0]!.applied.split).toBeUndefined();

    const detail = await ask<ApplicationDetail>(services, 'applications:get', { id: applicationId });
    const manifest = manifestOfDetail(detail, findProfile('sz-model-voucher-2025')!);
    const filesOf = (id: string) => manifest.materials.find((m) => m.id === id)!.files!;
    expect(filesOf('business-license')[0]).toMatchObject({ pages: { crop: 'none' } });
    expect(filesOf('construction-plan')[0]).toMatchObject({ pages: { split: 'none' } });

    const plain = await dossier('plain');
    expect(plain.of('construction-plan')).toHaveLength(1);
    expect(plain.of('construction-plan')[0]!.changes?.split).toBeUndefined();
    const licence = plain.of('business-license')[0]!;
    expect(licence.changes?.crop).toBeUndefined();
    const pageCount = (pdf: string) =>
      Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pageCount(fixed.pdf) - pageCount(plain.pdf)).toBe(5);
    // The uncut photo keeps the whole photo; the cut one only the sheet in it.
    const [w, h] = execFileSync('identify', ['-format', '%w %h', fx.photoDark], { encoding: 'utf8' })
      .split(' ')
      .map(Number);
    const uncutImage = imageSize(plain.pdf, licence.physical);
    expect(uncutImage.width / uncutImage.height).toBeCloseTo(w! / h!, 2);
    const cutImage = imageSize(fixed.pdf, fixed.of('business-license')[0]!.physical);
    expect(cutImage.width * cutImage.height).toBeLessThan(0.9 * uncutImage.width * uncutImage.height);

    const back = await decide(photo.id, { crop: null });
    expect(back.pages[0]!.applied.crop).toBe(true);
    expect(back.pages[0]!.decision.fixesOff).toBeUndefined();
    services.close();
  }, 300_000);
});
