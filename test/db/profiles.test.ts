/**
 * Profiles the clerk imports (issue 3): next year's voucher is a profile file, not new code. A real data folder
 * per test; every call goes through `dispatch`, as the window's would.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/services/dispatch.ts';
import { openServices, type Services } from '../../electron/core/services/index.ts';
import { findProfileIn, listProfiles, profilesDirOf } from '../../electron/core/profiles/registry.ts';
import type { ApiError } from '#shared/result.ts';
import { profile2026 } from '../helpers/next-year-profile.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

async function ask<T>(services: Services, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(services.handlers, channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function refusal(services: Services, channel: string, input: unknown): Promise<ApiError> {
  const result = await dispatch(services.handlers, channel, input);
  if (result.ok) throw new Error(`${channel} was expected to refuse`);
  return result.error;
}

interface Finding {
  severity: string;
  code: string;
  subject: string;
}

/** An application under `profileId`, with a contract from `serviceFrom` to `serviceTo`. */
async function applicationUnder(
  services: Services,
  profileId: string,
  year: number,
  serviceFrom: string,
  serviceTo: string,
) {
  const applicant = await ask<{ id: number }>(services, 'applicants:create', {
    name: '深圳市甲科技有限公司',
    creditCode: '91440300MA5FXXXX0X',
    registeredIn: '深圳市南山区',
    contact: '张三',
    phone: '0755-12345678',
  });
  const { id } = await ask<{ id: number }>(services, 'applications:create', {
    applicantId: applicant.id,
    profileId,
    year,
  });
  await ask(services, 'applications:saveContract', {
    applicationId: id,
    contract: { provider: '某模型公司', providerListed: true, relatedParty: false, serviceFrom, serviceTo },
  });
  return id;
}

const codesOf = (findings: Finding[]) => findings.map((f) => f.code);

describe('importing a profile', () => {
  it('lists next year’s profile and checks an application against its own dates, after a reopen too', async () => {
    const dataDir = await tempDir();
    const services = await openServices({ dataDir });
    const summary = await ask(services, 'profiles:import', { json: JSON.stringify(profile2026()) });
    expect(summary).toEqual({ id: 'sz-model-voucher-2026', title: '2026年模型券（申领）', year: 2026, builtIn: false });
    expect(await ask(services, 'profiles:list', {})).toEqual([
      { id: 'sz-model-voucher-2026', title: '2026年模型券（申领）', year: 2026, builtIn: false },
      { id: 'sz-model-voucher-2025', title: '2025年模型券（申领）', year: 2025, builtIn: true },
    ]);
    const id = await applicationUnder(services, 'sz-model-voucher-2026', 2026, '2026-09-01', '2027-06-30');
    services.close();

    const again = await openServices({ dataDir });
    const check = (today: string) =>
      ask<{ findings: Finding[] }>(again, 'applications:check', { applicationId: id, today });
    // 2026-10-20 is inside the 2026 online window; 2025-10-20 (inside the 2025 one) is before it.
    const during = codesOf((await check('2026-10-20')).findings);
    expect(during).toContain('online-filing-open');
    expect(during).not.toContain('contract-outside-window');
    expect(during).not.toContain('contract-partly-outside-window');
    expect(codesOf((await check('2025-10-20')).findings)).toContain('online-filing-not-open');
    // A contract of 2027-09 on lies outside the 2026 service window (which ends 2027-08-31).
    await ask(again, 'applications:saveContract', {
      applicationId: id,
      contract: {
        provider: '某模型公司',
        providerListed: true,
        relatedParty: false,
        serviceFrom: '2027-09-01',
        serviceTo: '2027-12-31',
      },
    });
    expect(codesOf((await check('2026-10-20')).findings)).toContain('contract-outside-window');
    again.close();
  });

  it('keeps the profile as a file named by its id, written through a temp file', async () => {
    const dataDir = await tempDir();
    const services = await openServices({ dataDir });
    await ask(services, 'profiles:import', { json: JSON.stringify(profile2026()) });
    services.close();
    expect(await readdir(profilesDirOf(dataDir))).toEqual(['sz-model-voucher-2026.json']);
    expect(await readdir(path.join(dataDir, 'pending-outputs'))).toEqual([]);
    expect(findProfileIn(dataDir, 'sz-model-voucher-2026')).toEqual(profile2026());
  });

  it('takes the same content twice, refuses other content under the same id unless told to replace', async () => {
    const dataDir = await tempDir();
    const services = await openServices({ dataDir });
    await ask(services, 'profiles:import', { json: JSON.stringify(profile2026()) });
    await ask(services, 'profiles:import', { json: JSON.stringify(profile2026(), null, 4) });
    const renamed = { ...profile2026(), title: '2026年模型券（申领）修订版' };
    const refused = await refusal(services, 'profiles:import', { json: JSON.stringify(renamed) });
    expect(refused.code).toBe('profile-exists');
    expect(refused.message).toContain('sz-model-voucher-2026');
    expect(refused.message).toContain('替换');
    expect(findProfileIn(dataDir, 'sz-model-voucher-2026')?.title).toBe('2026年模型券（申领）');
    await ask(services, 'profiles:import', { json: JSON.stringify(renamed), replace: true });
    expect(findProfileIn(dataDir, 'sz-model-voucher-2026')?.title).toBe('2026年模型券（申领）修订版');
    services.close();
  });
});

describe('refusing a profile, with a message that names what is wrong', () => {
  it('refuses an id that is a built-in profile’s', async () => {
    const services = await openServices({ dataDir: await tempDir() });
    const copy = { ...profile2026(), id: 'sz-model-voucher-2025' };
    const refused = await refusal(services, 'profiles:import', { json: JSON.stringify(copy) });
    expect(refused.code).toBe('profile-builtin');
    expect(refused.message).toContain('字段 id');
    expect(refused.message).toContain('sz-model-voucher-2025');
    services.close();
  });

  it('refuses an invalid field, naming it', async () => {
    const services = await openServices({ dataDir: await tempDir() });
    const broken = profile2026();
    broken.dates.onlineFiling.to = '2026年10月27日';
    const refused = await refusal(services, 'profiles:import', { json: JSON.stringify(broken) });
    expect(refused.code).toBe('profile-invalid');
    expect(refused.message).toContain('字段“日期的网上申报期间的结束”（dates.onlineFiling.to）');
    const unordered = profile2026();
    unordered.tracks[0]!.caps.find((c) => c.kind === 'soft')!.yuan = 3000000;
    expect((await refusal(services, 'profiles:import', { json: JSON.stringify(unordered) })).message).toContain(
      '原则上限不能高于最高限额',
    );
    expect(await ask(services, 'profiles:list', {})).toHaveLength(1);
    services.close();
  });

  it('refuses text that is not JSON, and a file over 1 MB', async () => {
    const services = await openServices({ dataDir: await tempDir() });
    const notJson = await refusal(services, 'profiles:import', { json: '{ "id": ' });
    expect(notJson.code).toBe('profile-invalid');
    expect(notJson.message).toContain('JSON');
    const huge = await refusal(services, 'profiles:import', { json: ' '.repeat(1024 * 1024 + 1) });
    expect(huge.code).toBe('invalid-input');
    expect(huge.message).toContain('「方案文件」');
    services.close();
  });
});

describe('a damaged file in the profiles folder', () => {
  it('is named and skipped by the list; an application under it is told which file to import again', async () => {
    const dataDir = await tempDir();
    const services = await openServices({ dataDir });
    await ask(services, 'profiles:import', { json: JSON.stringify(profile2026()) });
    const id = await applicationUnder(services, 'sz-model-voucher-2026', 2026, '2026-09-01', '2027-06-30');
    const dir = profilesDirOf(dataDir);
    await writeFile(path.join(dir, 'sz-model-voucher-2026.json'), '{ "schemaVersion": 1, "id": "sz-model-vou');
    await writeFile(path.join(dir, 'sz-model-voucher-2025.json'), JSON.stringify(profile2026()));
    await writeFile(path.join(dir, 'other-name.json'), JSON.stringify(profile2026()));
    await writeFile(path.join(dir, 'notes.txt'), 'not a profile');

    expect(await ask(services, 'profiles:list', {})).toEqual([
      { id: 'sz-model-voucher-2025', title: '2025年模型券（申领）', year: 2025, builtIn: true },
    ]);
    const { damaged } = listProfiles(dataDir);
    expect(damaged.map((d) => d.file)).toEqual([
      'other-name.json',
      'sz-model-voucher-2025.json',
      'sz-model-voucher-2026.json',
    ]);
    expect(damaged[0]?.message).toContain('sz-model-voucher-2026');
    expect(damaged[1]?.message).toContain('内置');
    expect(damaged[2]?.message).toContain('JSON');

    const refused = await refusal(services, 'applications:check', { applicationId: id, today: '2026-10-20' });
    expect(refused.code).toBe('profile-damaged');
    expect(refused.message).toContain('sz-model-voucher-2026.json');
    const warnings = await ask<{ code: string; message: string }[]>(services, 'data:warnings', {});
    expect(warnings.filter((w) => w.code === 'profile-damaged').map((w) => w.message)).toEqual([
      expect.stringContaining('other-name.json'),
      expect.stringContaining('sz-model-voucher-2025.json'),
      expect.stringContaining('sz-model-voucher-2026.json'),
    ]);
    const [line] = await ask<{ applicantName: string; errors: number }[]>(services, 'applications:overview', {});
    expect(line).toMatchObject({ errors: 1 }); // the home screen still lists it
    services.close();

    // The app still opens, and importing the file again repairs it.
    const again = await openServices({ dataDir });
    await ask(again, 'profiles:import', { json: JSON.stringify(profile2026()) });
    expect(
      codesOf(
        (await ask<{ findings: Finding[] }>(again, 'applications:check', { applicationId: id, today: '2026-10-20' }))
          .findings,
      ),
    ).toContain('online-filing-open');
    again.close();
  });

  it('is no reason to fail when the folder does not exist yet', async () => {
    const dataDir = await tempDir();
    await mkdir(dataDir, { recursive: true });
    expect(listProfiles(dataDir)).toEqual({
      profiles: [{ id: 'sz-model-voucher-2025', title: '2025年模型券（申领）', year: 2025, builtIn: true }],
      damaged: [],
    });
    expect(findProfileIn(dataDir, 'sz-model-voucher-2026')).toBeUndefined();
    expect(findProfileIn(dataDir, '../../etc/passwd')).toBeUndefined();
  });
});
