import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobStatus } from '#shared/contract/index.ts';
import { dispatch } from '../../electron/core/services/dispatch.ts';
import { dossierOutputPath } from '../../electron/core/services/dossier-jobs.ts';
import type { Services } from '../../electron/core/services/index.ts';
import { ghostscriptPdf, pdfPages, pdfText } from '../helpers/make-pdf.ts';
import { ask } from '../helpers/ask.ts';
import { openServicesWithJobEnds } from '../helpers/job-ends.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { attachFile, newApplication } from '../helpers/application.ts';

const tempDir = useTempDir();

async function applicationWithFiles(services: Services, dir: string) {
  const id = await newApplication(services);
  const attach = (materialId: string, file: string) => attachFile(services, id, materialId, file);
  await attach('application-form', await ghostscriptPdf(dir, '申请书.pdf', 'FORM', 3));
  await attach('business-license', await ghostscriptPdf(dir, '营业执照.pdf', 'LICENCE', 1));
  await attach('service-contract', await ghostscriptPdf(dir, '服务合同.pdf', 'CONTRACT', 2));
  await ask(services, 'applications:setMaterialState', {
    applicationId: id,
    materialId: 'ethics-materials',
    state: 'not-applicable',
    reason: '不涉及科技伦理敏感领域',
  });
  return id;
}

describe('the dossier job behind the window', () => {
  it('assembles the stored files in the assembly worker, writes the checklist and reports the page map', async () => {
    const dir = await tempDir();
    const { services, jobEnd } = await openServicesWithJobEnds({ dataDir: path.join(dir, 'data') });
    const applicationId = await applicationWithFiles(services, dir);
    const { jobId } = await ask<{ jobId: string }>(services, 'dossier:start', { applicationId });
    const ended = await jobEnd(jobId);
    const status = await ask<JobStatus>(services, 'dossier:status', { jobId });
    expect(ended).toEqual(status);
    expect(status.error).toBeNull();
    expect(status.state).toBe('done');
    const map = status.pageMap!;
    expect(map.sections.map((s) => s.id)).toEqual([
      'cover',
      'toc',
      'application-form',
      'business-license',
      'service-contract',
    ]);

    const out = dossierOutputPath(services.dataDir, jobId, 'dossier');
    expect(await pdfPages(out)).toBe(map.pages);
    const text = await pdfText(out);
    expect(text).toContain('深圳市卷宗测试有限公司');
    expect(text).toMatch(/FORM 3/);
    expect(text).toMatch(/CONTRACT 2/);
    const checklist = await pdfText(dossierOutputPath(services.dataDir, jobId, 'checklist'));
    expect(checklist).toContain('营业执照');
    expect(checklist).toContain('深圳市卷宗测试有限公司');
    const content = await ask<{ bytes: Uint8Array }>(services, 'dossier:content', { jobId, which: 'dossier' });
    expect(new TextDecoder().decode(content.bytes.subarray(0, 5))).toBe('%PDF-');
    expect(existsSync(path.join(path.dirname(out), 'inputs'))).toBe(false);
    services.close();
  });

  it('can be cancelled, and leaves no file behind', async () => {
    const dir = await tempDir();
    const { services, jobEnd } = await openServicesWithJobEnds({ dataDir: path.join(dir, 'data') });
    const applicationId = await applicationWithFiles(services, dir);
    const { jobId } = await ask<{ jobId: string }>(services, 'dossier:start', { applicationId });
    expect(await ask(services, 'dossier:cancel', { jobId })).toEqual({ cancelled: true });
    const status = await jobEnd(jobId);
    expect(status.state).toBe('cancelled');
    expect(existsSync(dossierOutputPath(services.dataDir, jobId, 'dossier'))).toBe(false);
    const preview = await dispatch(services.handlers, 'dossier:content', { jobId, which: 'dossier' });
    expect(preview).toMatchObject({ ok: false, error: { code: 'job-not-done' } });
    services.close();
  });
});
