import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/services/dispatch.ts';
import { openServices } from '../../electron/core/services/index.ts';
import { bytesOf, ghostscriptPdf } from '../helpers/make-pdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

async function seeded() {
  const dir = await tempDir();
  const services = await openServices({ dataDir: path.join(dir, 'data') });
  const h = services.handlers;
  const company = await h['applicants:create']({ name: '己公司' } as Parameters<(typeof h)['applicants:create']>[0]);
  const app = await h['applications:create']({
    applicantId: company.id,
    profileId: 'sz-model-voucher-2025',
    year: 2025,
  });
  const bytes = new Uint8Array(await bytesOf(await ghostscriptPdf(dir, 'plan.pdf', 'PLAN', 2)));
  const file = await h['attachments:add']({
    applicationId: app.id,
    materialId: 'construction-plan',
    fileName: '方案.pdf',
    bytes,
  });
  await h['attachments:turnPage']({ id: file.id, page: 2, turn: 180 });
  await h['pages:decide']({ attachmentId: file.id, page: 1, skip: false, fixes: { split: false, crop: false } });
  await h['applications:saveCosts']({
    applicationId: app.id,
    costs: [{ kind: 'subscription', amountFen: 1_000_000, paidOn: '2025-03-01', note: '发票 1' }],
  } as Parameters<(typeof h)['applications:saveCosts']>[0]);
  return { services, company, app, file };
}

describe('removals and copies in the core', () => {
  it('a removed company comes back with its applications, files, turns, page choices and costs under the same ids, once', async () => {
    const { services, company, app } = await seeded();
    const before = await services.handlers['applications:get']({ id: app.id });
    expect(before.attachments[0]).toMatchObject({ decisions: { '1': 'keep' }, fixesOff: ['crop', 'split'] });
    const removed = await services.handlers['applicants:remove']({ id: company.id });
    expect(removed).toMatchObject({ name: '己公司', applications: 1 });
    expect(await services.handlers['applications:list']({})).toEqual([]);
    await services.handlers['removals:undo']({ undoToken: removed.undoToken });
    expect(await services.handlers['applications:get']({ id: app.id })).toEqual(before);
    expect(await dispatch(services.handlers, 'removals:undo', { undoToken: removed.undoToken })).toMatchObject({
      ok: false,
      error: { code: 'undo-expired' },
    });
    services.close();
  });

  it('复制为新申请 copies answers, costs, files, turns and page choices as a new draft; the original is untouched', async () => {
    const { services, app, file } = await seeded();
    await services.handlers['applications:update']({ id: app.id, changes: { status: 'submitted' } });
    const copy = await services.handlers['applications:duplicate']({ id: app.id });
    expect(copy).toMatchObject({ status: 'draft', applicantId: app.applicantId, year: 2025 });
    const [original, copied] = [
      await services.handlers['applications:get']({ id: app.id }),
      await services.handlers['applications:get']({ id: copy.id }),
    ];
    expect(copied.costs).toEqual(original.costs);
    expect(copied.attachments).toHaveLength(1);
    expect(copied.attachments[0]).toMatchObject({
      sha256: file.sha256,
      turns: { '2': 180 },
      decisions: { '1': 'keep' },
      fixesOff: ['crop', 'split'],
    });
    expect(copied.attachments[0]!.id).not.toBe(file.id);
    expect(original.application.status).toBe('submitted');
    services.close();
  });
});
