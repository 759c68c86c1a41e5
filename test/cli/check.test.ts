import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../electron/core/services/index.ts';
import { applicantDraft } from '#shared/contract/schemas.ts';
import type { ManifestInput } from '#shared/manifest.ts';
import { dossierFixtures } from '../fixtures/dossier-fixtures.ts';
import { SAMPLE_FILES, SHENZHEN_CODE_ONE_WRONG, sampleManifest, voucherProfile } from '../unit/rules/sample.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(repo, 'electron/core/cli/juanzong.mjs');
let dir: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface Report {
  voucher: { eligibleCost: number; amount: number; totalCost: number };
  findings: { severity: string; code: string; subject: string; message: string }[];
}

function juanzong(args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: repo, env: { ...process.env, JUANZONG_DATA: join(dir, 'data') } },
      (error, stdout, stderr) => {
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

function writeManifest(name: string, change: (m: ManifestInput) => void = () => {}): string {
  const manifest = sampleManifest();
  change(manifest);
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return path;
}

async function check(
  name: string,
  change?: (m: ManifestInput) => void,
  today = '2025-10-20',
  extra: string[] = [],
): Promise<Report> {
  const run = await juanzong([...extra, 'check', writeManifest(name, change), '--json', '--today', today]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

const errors = (report: Report) =>
  report.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.subject}`);
const codes = (report: Report) => report.findings.map((f) => `${f.severity}:${f.code}`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'juanzong-check-'));
  mkdirSync(join(dir, 'files'));
  // A real PDF for every listed file: `check` opens each as the window does.
  const plan = join(dossierFixtures().dir, 'plan.pdf');
  for (const file of SAMPLE_FILES) copyFileSync(plan, join(dir, file));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('juanzong check: a complete, valid manifest', () => {
  it('prints no error and the right voucher as JSON', async () => {
    const report = await check('valid');
    expect(errors(report)).toEqual([]);
    expect(codes(report).filter((c) => c.startsWith('warning:'))).toEqual([]);
    expect(report.voucher).toMatchObject({ eligibleCost: 300000, amount: 90000, totalCost: 300000 });
    for (const f of report.findings) expect(Object.keys(f).sort()).toEqual(['code', 'message', 'severity', 'subject']);
  });

  it('prints a readable report without --json', async () => {
    const run = await juanzong(['check', writeManifest('valid-text'), '--today', '2025-10-20']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('深圳市示例智能科技有限公司');
    expect(run.stdout).toContain('¥90,000.00');
    expect(run.stdout).toContain('没有错误');
  });
});

describe('juanzong check: each broken variant', () => {
  it('contract wholly outside the service window', async () => {
    const report = await check('outside', (m) =>
      Object.assign(m.contract!, { serviceFrom: '2024-01-01', serviceTo: '2024-11-30' }),
    );
    expect(errors(report)).toEqual(['contract-outside-window@contract.serviceTo']);
  });

  it('contract partly outside: a warning naming the days', async () => {
    const report = await check('partly', (m) => Object.assign(m.contract!, { serviceFrom: '2024-11-01' }));
    expect(errors(report)).toEqual([]);
    const warning = report.findings.find((f) => f.code === 'contract-partly-outside-window');
    expect(warning?.message).toContain('2024年11月1日至2024年11月30日（30天）');
  });

  it('related party, by the declaration or by an art. 109 answer', async () => {
    expect(errors(await check('related', (m) => (m.contract!.relatedParty = true)))).toEqual([
      'contract-related-party@contract.relatedParty',
    ]);
    const byAnswer = await check('related-answer', (m) => (m.contract!.relatedPartyAnswers!.control = 'yes'));
    expect(errors(byAnswer)).toEqual(['contract-related-party@contract.relatedPartyAnswers.control']);
  });

  it('provider not in the listed pool', async () => {
    expect(errors(await check('unlisted', (m) => (m.contract!.providerListed = false)))).toEqual([
      'contract-provider-not-listed@contract.providerListed',
    ]);
  });

  it('no CAC filing number', async () => {
    expect(errors(await check('no-filing', (m) => (m.contract!.modelFiling = '')))).toEqual([
      'contract-model-filing-missing@contract.modelFiling',
    ]);
  });

  it('a missing material', async () => {
    const report = await check(
      'no-plan',
      (m) => (m.materials = m.materials.filter((x) => x.id !== 'construction-plan')),
    );
    expect(errors(report)).toEqual(['material-missing@construction-plan']);
  });

  it('a listed file that is not on disk, named', async () => {
    const report = await check(
      'lost-file',
      (m) => (m.materials[3] = { id: 'credit-report', files: ['files/不存在.pdf'] }),
    );
    expect(errors(report)).toEqual(['material-file-missing@credit-report']);
    expect(report.findings.find((f) => f.code === 'material-file-missing')?.message).toContain('files/不存在.pdf');
  });

  it('costs over the caps: ¥2,000,000 at most, with warnings', async () => {
    const report = await check(
      'over',
      (m) => (m.costs = [{ kind: 'platform', amount: 8000000, paidOn: '2025-02-01' }]),
    );
    expect(report.voucher).toMatchObject({ eligibleCost: 8000000, amount: 2000000 });
    expect(codes(report)).toEqual(expect.arrayContaining(['warning:voucher-capped', 'warning:voucher-above-soft-cap']));
    expect(errors(report)).toEqual([]);
  });

  it('exactly ¥1,000,000: no soft-cap warning', async () => {
    const report = await check('soft', (m) => (m.costs = [{ kind: 'api', amount: 3333333.34, paidOn: '2025-02-01' }]));
    expect(report.voucher.amount).toBe(1000000);
    expect(codes(report)).not.toContain('warning:voucher-above-soft-cap');
  });

  it('ineligible cost kinds: left out of the voucher, with a warning each', async () => {
    const report = await check('kinds', (m) =>
      m.costs!.push(
        { kind: 'hardware', amount: 500000, paidOn: '2025-02-01' },
        { kind: 'other', amount: 1000, paidOn: '2025-02-01' },
      ),
    );
    expect(report.voucher).toMatchObject({ totalCost: 801000, eligibleCost: 300000, amount: 90000 });
    expect(codes(report).filter((c) => c === 'warning:cost-kind-ineligible')).toHaveLength(2);
  });

  it('a credit code with one wrong character', async () => {
    expect(errors(await check('code', (m) => (m.applicant.creditCode = SHENZHEN_CODE_ONE_WRONG)))).toEqual([
      'credit-code-check-digit@applicant.creditCode',
    ]);
  });

  it('a company outside Shenzhen', async () => {
    const report = await check('guangzhou', (m) => (m.applicant.registeredIn = '广州市天河区'));
    expect(errors(report)).toEqual(['applicant-outside-region@applicant.registeredIn']);
  });

  it('filing closed: a warning, still exit 0', async () => {
    const report = await check('late', undefined, '2025-11-10T18:00');
    expect(codes(report)).toEqual(
      expect.arrayContaining(['warning:online-filing-closed', 'warning:paper-filing-closed']),
    );
  });
});

describe('juanzong check: manifests it cannot use exit 2', () => {
  it('names the invalid field', async () => {
    const run = await juanzong(['check', writeManifest('no-name', (m) => (m.applicant.name = ''))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('applicant.name');
    expect(run.stdout).toBe('');
  });

  it('names a wrong date field', async () => {
    const run = await juanzong(['check', writeManifest('bad-date', (m) => (m.contract!.serviceTo = '2025-02-30'))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('contract.serviceTo');
  });

  it('refuses a file that is not JSON, or is not there', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "profile": ');
    expect((await juanzong(['check', broken])).code).toBe(2);
    const absent = await juanzong(['check', join(dir, 'absent.json')]);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('absent.json');
  });

  it('refuses an unknown profile, naming the field', async () => {
    const run = await juanzong([
      'check',
      writeManifest('unknown-profile', (m) => (m.profile = 'sz-model-voucher-1999')),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('profile');
  });

  it('refuses a --today it cannot read', async () => {
    const run = await juanzong(['check', writeManifest('today'), '--today', '2025/10/20']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--today');
  });
});

describe('juanzong check: an imported profile file', () => {
  it('checks against next year’s profile given by path, no code changed', async () => {
    const next = { ...structuredClone(voucherProfile()), id: 'sz-model-voucher-2026', year: 2026 };
    next.agreements[0]!.servicePeriod = { from: '2025-12-01', to: '2027-08-31' };
    next.tracks[0]!.costPeriod = { from: '2025-12-01', to: '2027-08-31' };
    writeFileSync(join(dir, 'profile-2026.json'), JSON.stringify(next));
    const report = await check('uses-next-profile', (m) => {
      m.profile = './profile-2026.json';
      Object.assign(m.contract!, { serviceFrom: '2026-09-01', serviceTo: '2027-06-30' });
      m.costs = [{ kind: 'api', amount: 10000, paidOn: '2027-01-05' }];
    });
    expect(errors(report)).toEqual([]);
    expect(report.voucher.amount).toBe(3000);
  });
});

describe('juanzong check: the same contact in the local records (guide note 2)', () => {
  it('warns when another applicant of 2025 in the data folder uses the same contact and phone', async () => {
    const dataDir = join(dir, 'records');
    const services = await openServices({ dataDir });
    try {
      const other = await services.handlers['applicants:create'](
        applicantDraft.parse({ name: '深圳市另一家科技有限公司', contact: '王小明', phone: '075526000001' }),
      );
      await services.handlers['applications:create']({
        applicantId: other.id,
        profileId: 'sz-model-voucher-2025',
        year: 2025,
      });
      const earlier = await services.handlers['applicants:create'](
        applicantDraft.parse({ name: '深圳市往年科技有限公司', contact: '王小明' }),
      );
      await services.handlers['applications:create']({
        applicantId: earlier.id,
        profileId: 'sz-model-voucher-2025',
        year: 2024,
      });
    } finally {
      services.close();
    }
    const report = await check('shared-contact', undefined, '2025-10-20', ['--data', dataDir]);
    const shared = report.findings.filter((f) => f.code === 'contact-shared' || f.code === 'phone-shared');
    expect(shared.map((f) => `${f.severity}:${f.code}`)).toEqual(['warning:contact-shared', 'warning:phone-shared']);
    expect(shared[0]?.message).toContain('深圳市另一家科技有限公司');
    expect(shared[0]?.message).not.toContain('往年');
  });
});
