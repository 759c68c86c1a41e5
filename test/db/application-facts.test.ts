/**
 * The figures and event dates a profile's conditions ask (applications:setFacts): kept with the application in its
 * options' JSON column, untouched by a change of options, refused in Chinese when wrong, and judged by the check.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApplicationDetail, CheckResultDto } from '#shared/contract/index.ts';
import { dispatch } from '../../electron/core/services/dispatch.ts';
import { openServices, type Services } from '../../electron/core/services/index.ts';
import { REPO_ROOT } from '../fixtures/fixture-cache.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

async function ask<T>(services: Services, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(services.handlers, channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function factsApplication(services: Services): Promise<number> {
  const json = await readFile(path.join(REPO_ROOT, 'test/fixtures/profiles/facts-and-dates.json'), 'utf8');
  await ask(services, 'profiles:import', { json });
  const applicant = await ask<{ id: number }>(services, 'applicants:create', {
    name: '深圳市首版软件有限公司',
    established: '2020-06-01',
  });
  const application = await ask<{ id: number }>(services, 'applications:create', {
    applicantId: applicant.id,
    profileId: 'test-facts-and-dates',
    year: 2026,
  });
  return application.id;
}

describe('applications:setFacts', () => {
  it('stores the figures and dates, keeps them through an options change and a reopen', async () => {
    const dataDir = await tempDir();
    const services = await openServices({ dataDir });
    const id = await factsApplication(services);
    expect((await ask<ApplicationDetail>(services, 'applications:get', { id })).facts).toEqual({});
    const facts = {
      revenueYuan: 25_000_000,
      employees: 12,
      shares: { 'software-revenue': 35 },
      events: { 'first-contract': '2025-05-01' },
    };
    expect(
      (await ask<ApplicationDetail>(services, 'applications:setFacts', { applicationId: id, facts })).facts,
    ).toEqual(facts);
    const detail = await ask<ApplicationDetail>(services, 'applications:setOptions', {
      applicationId: id,
      options: { duplex: false },
    });
    expect(detail.options.duplex).toBe(false);
    expect(detail.facts).toEqual(facts);
    services.close();
    const again = await openServices({ dataDir });
    expect((await ask<ApplicationDetail>(again, 'applications:get', { id })).facts).toEqual(facts);
    again.close();
  });

  it('refuses a share above 100 % and a half person, in Chinese', async () => {
    const services = await openServices({ dataDir: await tempDir() });
    const id = await factsApplication(services);
    const refused = async (facts: unknown) => {
      const result = await dispatch(services.handlers, 'applications:setFacts', { applicationId: id, facts });
      expect(result.ok).toBe(false);
      return result.ok ? '' : result.error.message;
    };
    expect(await refused({ shares: { 'software-revenue': 130 } })).toContain('占比不能超过100%');
    expect(await refused({ employees: 12.5 })).toContain('人数须是整数');
    expect(await refused({ events: { 'first-contract': '2025-13-01' } })).not.toMatch(/[A-Za-z]{4,}/);
    services.close();
  });

  it('is what the check judges the thresholds and the dated condition by', async () => {
    const services = await openServices({ dataDir: await tempDir() });
    const id = await factsApplication(services);
    const findings = async (today = '2026-03-10') =>
      (await ask<CheckResultDto>(services, 'applications:check', { applicationId: id, today })).findings.filter(
        (f) => f.code.startsWith('condition-') && f.subject !== 'conditions.legal-entity',
      );
    expect((await findings()).map((f) => f.code).sort()).toEqual([
      'condition-date-missing',
      'condition-fact-missing',
      'condition-fact-missing',
      'condition-fact-missing',
    ]);
    await ask(services, 'applications:setFacts', {
      applicationId: id,
      facts: {
        revenueYuan: 25_000_000,
        employees: 8,
        shares: { 'software-revenue': 35 },
        events: { 'first-contract': '2023-05-01' },
      },
    });
    const judged = await findings();
    expect(judged.map((f) => [f.code, f.subject])).toEqual(
      expect.arrayContaining([
        ['condition-not-met', 'applicant.facts.employees'],
        ['condition-not-met', 'events.first-contract'],
      ]),
    );
    expect(judged).toHaveLength(2);
    services.close();
  });
});
