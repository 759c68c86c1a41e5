import { describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '#shared/contract/index.ts';
import { dispatch } from '../../electron/core/services/dispatch.ts';
import { openServices, type Services } from '../../electron/core/services/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { bytesOf, ghostscriptPdf } from '../helpers/make-pdf.ts';

const tempDir = useTempDir();

async function ask<T>(services: Services, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(services.handlers, channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function newApplication(services: Services, name = '深圳市甲科技有限公司', creditCode = '91440300MA5FXXXX0X') {
  const applicant = await ask<{ id: number }>(services, 'applicants:create', {
    name,
    creditCode,
    registeredIn: '深圳市南山区',
    contact: '张三',
    phone: '0755-12345678',
  });
  return ask<{ id: number }>(services, 'applications:create', {
    applicantId: applicant.id,
    profileId: 'sz-model-voucher-2025',
    year: 2025,
  });
}

describe('the workflow services', () => {
  it('save each part of an application and answer the refreshed whole, which survives a reopen', async () => {
    const dataDir = await tempDir();
    const services = await openServices({ dataDir });
    const { id } = await newApplication(services);
    await ask(services, 'applications:saveContract', {
      applicationId: id,
      contract: {
        provider: '某模型公司',
        providerListed: true,
        relatedParty: false,
        serviceFrom: '2025-01-01',
        serviceTo: '2025-12-31',
      },
    });
    await ask(services, 'applications:saveCosts', {
      applicationId: id,
      costs: [
        { kind: 'api', amountFen: 100_000_00, paidOn: '2025-03-01' },
        { kind: 'hardware', amountFen: 50_000_00, paidOn: '2025-03-01' },
      ],
    });
    await ask(services, 'applications:answer', { applicationId: id, questionId: 'q1', answer: 'yes' });
    await ask(services, 'applications:setMaterialState', {
      applicationId: id,
      materialId: 'ethics-materials',
      state: 'not-applicable',
      reason: '项目不涉及科技伦理敏感领域',
    });
    const detail = await ask<ApplicationDetail>(services, 'applications:setOptions', {
      applicationId: id,
      options: { duplex: false },
    });
    expect(detail.options).toMatchObject({ duplex: false, sealMarkers: true, numberStyle: 'dash' });
    services.close();

    const again = await openServices({ dataDir });
    const stored = await ask<ApplicationDetail>(again, 'applications:get', { id });
    expect(stored.contract).toMatchObject({
      provider: '某模型公司',
      providerListed: true,
      relatedParty: false,
      model: '',
    });
    expect(stored.costs.map((c) => c.amountFen)).toEqual([100_000_00, 50_000_00]);
    expect(stored.answers).toEqual({ q1: 'yes' });
    expect(stored.materialStates['ethics-materials']).toEqual({
      state: 'not-applicable',
      reason: '项目不涉及科技伦理敏感领域',
    });
    expect(stored.options.duplex).toBe(false);
    again.close();
  });

  it('reorder a material’s files and remember a clerk’s page turns', async () => {
    const dir = await tempDir();
    const services = await openServices({ dataDir: `${dir}/data` });
    const { id } = await newApplication(services);
    const add = async (fileName: string, label: string) =>
      ask<{ id: number }>(services, 'attachments:add', {
        applicationId: id,
        materialId: 'financial-statements',
        fileName,
        bytes: await bytesOf(await ghostscriptPdf(dir, `${label}.pdf`, label, 2)),
      });
    const first = await add('2023年报表.pdf', 'A2023');
    const second = await add('2024年报表.pdf', 'B2024');
    const reordered = await ask<ApplicationDetail>(services, 'attachments:reorder', {
      applicationId: id,
      materialId: 'financial-statements',
      order: [second.id, first.id],
    });
    expect(reordered.attachments.map((a) => a.originalName)).toEqual(['2024年报表.pdf', '2023年报表.pdf']);
    const turned = await ask<ApplicationDetail>(services, 'attachments:turnPage', { id: first.id, page: 2, turn: 90 });
    expect(turned.attachments.find((a) => a.id === first.id)?.turns).toEqual({ '2': 90 });
    const content = await ask<{ bytes: Uint8Array; fileName: string }>(services, 'attachments:content', {
      id: second.id,
    });
    expect(content.fileName).toBe('2024年报表.pdf');
    expect(new TextDecoder().decode(content.bytes.subarray(0, 5))).toBe('%PDF-');
    services.close();
  });

  it('check a stored application: the voucher from eligible costs, missing materials, a shared contact', async () => {
    const services = await openServices({ dataDir: await tempDir() });
    const { id } = await newApplication(services);
    await newApplication(services, '深圳市乙科技有限公司', '91440300MA5FYYYY1Y'); // same contact, another company
    await ask(services, 'applications:saveCosts', {
      applicationId: id,
      costs: [
        { kind: 'api', amountFen: 1_000_000_00, paidOn: '2025-03-01' },
        { kind: 'hardware', amountFen: 500_000_00, paidOn: '2025-03-01' },
      ],
    });
    const result = await ask<{
      voucher: { eligibleCostFen: number; amountFen: number };
      findings: { code: string; subject: string }[];
    }>(services, 'applications:check', { applicationId: id, today: '2025-10-20' });
    expect(result.voucher).toMatchObject({ eligibleCostFen: 1_000_000_00, amountFen: 300_000_00 });
    const codes = result.findings.map((f) => f.code);
    expect(codes).toContain('material-missing');
    expect(result.findings.some((f) => f.subject === 'business-license')).toBe(true);
    expect(codes).toEqual(expect.arrayContaining(['contact-shared', 'phone-shared']));

    const [overview] = await ask<{ materialsDone: number; materialsNeeded: number; errors: number }[]>(
      services,
      'applications:overview',
      {},
    );
    expect(overview).toMatchObject({ materialsDone: 0, materialsNeeded: 8 });
    expect(overview!.errors).toBeGreaterThan(0);
    services.close();
  });

  it('tell the clerk which contract fields are still empty instead of judging blanks', async () => {
    const services = await openServices({ dataDir: await tempDir() });
    const { id } = await newApplication(services);
    await ask(services, 'applications:saveContract', { applicationId: id, contract: { provider: '某模型公司' } });
    const { findings } = await ask<{ findings: { code: string; subject: string }[] }>(services, 'applications:check', {
      applicationId: id,
    });
    const empty = findings.filter((f) => f.code === 'contract-field-empty').map((f) => f.subject);
    expect(empty).toEqual([
      'contract.providerListed',
      'contract.relatedParty',
      'contract.serviceFrom',
      'contract.serviceTo',
    ]);
    expect(findings.some((f) => f.code === 'contract-provider-not-listed')).toBe(false);
    services.close();
  });
});
