/**
 * The check's messages as the window shows them (applications:check on a stored application) say what to do in
 * the window's words: the step and the field where a date is entered, a cost kind by its label. No manifest key
 * (`events`, `contract.serviceTo`), no id of the profile (`first-contract`, `api`, `other`) reaches the clerk.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResultDto } from '#shared/contract/index.ts';
import { parseProfile } from '#shared/profiles/index.ts';
import { voucherAmount, voucherFindings } from '#shared/rules/voucher.ts';
import { dispatch } from '../../electron/core/services/dispatch.ts';
import { openServices, type Services } from '../../electron/core/services/index.ts';
import { REPO_ROOT } from '../fixtures/fixture-cache.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const RELATIVE_PERIOD = path.join(REPO_ROOT, 'test/fixtures/profiles/relative-period.json');

async function ask<T>(services: Services, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(services.handlers, channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function applicationOf(services: Services, profileId: string, year: number): Promise<number> {
  const applicant = await ask<{ id: number }>(services, 'applicants:create', { name: '深圳市示例软件有限公司' });
  const application = await ask<{ id: number }>(services, 'applications:create', {
    applicantId: applicant.id,
    profileId,
    year,
  });
  return application.id;
}

async function messages(services: Services, applicationId: number, today: string) {
  const { findings } = await ask<CheckResultDto>(services, 'applications:check', { applicationId, today });
  return findings;
}

/** Lower-case Latin words (keys, ids) or a dotted path; the clerk's messages have neither (web addresses aside). */
const INTERNAL = /[a-z]{3,}|[A-Za-z]\.[A-Za-z]|申报清单/;
const withoutLinks = (message: string) => message.replace(/https?:\/\/[\w./?=&%-]+/g, '');

describe('the check as the window shows it', () => {
  it('asks for a missing event date at its field in 资格自查, not in a manifest', async () => {
    const services = await openServices({ dataDir: await tempDir() });
    await ask(services, 'profiles:import', { json: await readFile(RELATIVE_PERIOD, 'utf8') });
    const id = await applicationOf(services, 'test-relative-period', 2026);
    await ask(services, 'applications:saveCosts', {
      applicationId: id,
      costs: [{ kind: 'contract', amountFen: 100_000_000, paidOn: '2026-01-10', note: '' }],
    });
    const findings = await messages(services, id, '2026-03-10');
    const cost = findings.find((f) => f.code === 'cost-event-date-missing');
    expect(cost?.message).toContain('请在“资格自查”的专项条件（三）下方填写“首次销售合同签订日期”。');
    const condition = findings.find((f) => f.code === 'condition-date-missing');
    expect(condition?.message).toContain('还没有填写“首次销售合同签订日期”：请在“资格自查”这一条下方填写');
    expect(condition?.message).not.toContain('日期的日期');
    for (const f of findings) expect(withoutLinks(f.message), f.code).not.toMatch(INTERNAL);
    services.close();
  });

  it('names a cost kind by its label, the one the cost table shows', async () => {
    const services = await openServices({ dataDir: await tempDir() });
    const id = await applicationOf(services, 'sz-model-voucher-2025', 2025);
    await ask(services, 'applications:saveCosts', {
      applicationId: id,
      costs: [
        { kind: 'api', amountFen: 10_000_000, paidOn: '2025-05-01', note: '' },
        { kind: 'other', amountFen: 5_000_000, paidOn: '2025-05-01', note: '' },
      ],
    });
    const findings = await messages(services, id, '2025-10-20');
    const kind = findings.find((f) => f.code === 'cost-kind-ineligible');
    expect(kind?.message).toContain('类别“其他费用”');
    expect(kind?.message).toContain('可计入的类别：模型订阅');
    for (const f of findings) expect(withoutLinks(f.message), f.code).not.toMatch(INTERNAL);
    services.close();
  });
});

describe('an event date the window has no field for', () => {
  it('says so, rather than pointing at a field that does not exist', async () => {
    const parsed = parseProfile(JSON.parse(await readFile(RELATIVE_PERIOD, 'utf8')));
    if (!parsed.ok) throw new Error(parsed.error);
    const profile = parsed.value;
    profile.conditions = profile.conditions.filter((c) => c.test.kind !== 'dated');
    const costs = [{ kind: 'contract', amountFen: 100_000_000, paidOn: '2026-01-10' }];
    const [finding] = voucherFindings(costs, voucherAmount(costs, profile), profile);
    expect(finding?.message).toContain('本申报方案没有可以填写首次销售合同签订日期的栏目');
  });
});
