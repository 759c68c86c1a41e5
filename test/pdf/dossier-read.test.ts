import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/services/dispatch.ts';
import { dossierOutputPath } from '../../electron/core/services/dossier-jobs.ts';
import { bytesOf, ghostscriptPdf } from '../helpers/make-pdf.ts';
import { ask } from '../helpers/ask.ts';
import { openServicesWithJobEnds } from '../helpers/job-ends.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

describe('dossier:read, the preview’s way to a dossier a part at a time', () => {
  it(
    'answers any part of the finished file and its size; the parts make up the file',
    { timeout: 180_000 },
    async () => {
      const dir = await tempDir();
      const { services, jobEnd } = await openServicesWithJobEnds({ dataDir: path.join(dir, 'data') });
      const applicant = await ask<{ id: number }>(services, 'applicants:create', { name: '深圳市卷宗测试有限公司' });
      const { id } = await ask<{ id: number }>(services, 'applications:create', {
        applicantId: applicant.id,
        profileId: 'sz-model-voucher-2025',
        year: 2025,
      });
      await ask(services, 'attachments:add', {
        applicationId: id,
        materialId: 'service-contract',
        fileName: '服务合同.pdf',
        bytes: await bytesOf(await ghostscriptPdf(dir, '服务合同.pdf', 'CONTRACT', 4)),
      });
      const { jobId } = await ask<{ jobId: string }>(services, 'dossier:start', { applicationId: id });
      const early = await dispatch(services.handlers, 'dossier:read', { jobId, from: 0, length: 10 });
      expect(early).toMatchObject({ ok: false, error: { code: 'job-not-done' } });
      expect((await jobEnd(jobId)).state).toBe('done');

      const whole = new Uint8Array(await readFile(dossierOutputPath(services.dataDir, jobId, 'dossier')));
      const parts: Uint8Array[] = [];
      for (let from = 0; from < whole.length; from += 100_000) {
        const part = await ask<{ bytes: Uint8Array; size: number }>(services, 'dossier:read', {
          jobId,
          which: 'dossier',
          from,
          length: 100_000,
        });
        expect(part.size).toBe(whole.length);
        parts.push(part.bytes);
      }
      expect(Buffer.concat(parts).equals(Buffer.from(whole))).toBe(true);
      expect(new TextDecoder().decode(parts[0]!.subarray(0, 5))).toBe('%PDF-');
      const past = await ask<{ bytes: Uint8Array }>(services, 'dossier:read', {
        jobId,
        from: whole.length,
        length: 10,
      });
      expect(past.bytes.length).toBe(0);
      const tooMuch = await dispatch(services.handlers, 'dossier:read', { jobId, from: 0, length: 64 * 1024 * 1024 });
      expect(tooMuch).toMatchObject({ ok: false });
      services.close();
    },
  );
});
