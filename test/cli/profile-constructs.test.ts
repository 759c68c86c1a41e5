/**
 * One test profile per construct of format v2 (test/fixtures/profiles/, written by make_test_profiles.py), each with
 * small manifests judged through `juanzong check --json` (and `assemble` for the paper rules). Every test names the
 * guide-like sentence it judges by.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ManifestInput } from '#shared/manifest.ts';
import { assemble, explain } from '../acceptance/assemble-cli.ts';
import { dossierFixtures } from '../fixtures/dossier-fixtures.ts';
import { REPO_ROOT, scratchDir } from '../fixtures/fixture-cache.ts';
import { runTool } from '../fixtures/run-tool.ts';
import { SHENZHEN_CODE } from '../unit/rules/sample.ts';
import { juanzong } from './run-cli.ts';

interface Report {
  voucher: { track: string; amount: number; eligibleCost: number; ratePercent: number; hardCapScope?: string };
  findings: { severity: string; code: string; subject: string; message: string }[];
}

let dir: string;
const profileFile = (name: string) => path.join(REPO_ROOT, 'test/fixtures/profiles', `${name}.json`);

function manifestFor(name: string, change: (m: ManifestInput) => void = () => {}): ManifestInput {
  const manifest: ManifestInput = {
    profile: profileFile(name),
    applicant: {
      name: '深圳市示例软件有限公司',
      creditCode: SHENZHEN_CODE,
      kind: 'enterprise',
      registeredIn: '深圳市南山区',
      contact: '李会计',
      phone: '0755-26000002',
    },
    materials: [
      { id: 'application-form', files: ['form.pdf'] },
      { id: 'sales-contract', files: ['contract.pdf'] },
    ],
    costs: [{ kind: 'contract', amount: 1000000, paidOn: '2026-01-10' }],
    conditions: { 'legal-entity': 'yes' },
  };
  change(manifest);
  return manifest;
}

async function check(name: string, change?: (m: ManifestInput) => void, today = '2026-03-10'): Promise<Report> {
  const file = path.join(dir, `${name}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(manifestFor(name, change)));
  const run = await juanzong(['check', file, '--json', '--today', today]);
  expect(run.code, explain(run)).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

const codes = (r: Report) => r.findings.map((f) => `${f.severity}:${f.code}`);
const finding = (r: Report, code: string) => r.findings.find((f) => f.code === code);

beforeAll(() => {
  dir = scratchDir('profile-constructs');
  const fixtures = dossierFixtures();
  copyFileSync(path.join(fixtures.dir, 'form.pdf'), path.join(dir, 'form.pdf'));
  copyFileSync(path.join(fixtures.dir, 'contract.pdf'), path.join(dir, 'contract.pdf'));
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(fixtures.dir, 'plan.pdf'), path.join(dir, 'commitment.pdf'));
});

describe('two tracks', () => {
  // “对软件企业按合同金额的30%给予资助，最高不超过1000万元；对用户单位按合同金额的10%给予资助，最高不超过100万元”
  it('gives a software company 30 % of the contract', async () => {
    const report = await check('two-tracks', (m) => (m.conditions = { 'legal-entity': 'yes', 'is-user-unit': 'no' }));
    expect(report.voucher).toMatchObject({ track: 'software-company', ratePercent: 30, amount: 300000 });
  });

  it('gives the user unit 10 %, capped at ¥1,000,000 per project', async () => {
    const report = await check('two-tracks', (m) => {
      m.conditions = { 'legal-entity': 'yes', 'is-user-unit': 'yes' };
      m.costs = [{ kind: 'contract', amount: 30000000, paidOn: '2026-01-10' }];
    });
    expect(report.voucher).toMatchObject({ track: 'user-unit', ratePercent: 10, amount: 1000000 });
    expect(finding(report, 'voucher-capped')?.message).toContain('每个项目最高¥1,000,000.00');
  });
});

describe('per-project caps and a start-up rate', () => {
  // “每个项目原则上不超过200万元，最高不超过300万元；初创企业按60%给予资助”
  it('warns above the soft cap per project and cuts to the hard cap', async () => {
    const report = await check('project-caps', (m) => {
      m.costs = [{ kind: 'contract', amount: 20000000, paidOn: '2026-01-10' }];
    });
    expect(report.voucher).toMatchObject({ ratePercent: 20, amount: 3000000, hardCapScope: 'project' });
    expect(finding(report, 'voucher-above-soft-cap')?.message).toContain('每个项目原则上不超过¥2,000,000.00');
    expect(report.findings.map((f) => f.message).join()).not.toContain('每家企业每年');
  });

  it('gives a start-up 60 %', async () => {
    const report = await check('project-caps', (m) => (m.conditions = { 'legal-entity': 'yes', 'start-up': 'yes' }));
    expect(report.voucher).toMatchObject({ ratePercent: 60, amount: 600000 });
  });
});

describe('a period relative to an event', () => {
  // “首次销售合同签订之日起一年内的销售额予以认定”; 首次销售合同在2024年3月1日至2026年2月28日期间签订
  const sales = (m: ManifestInput) => {
    m.events = { 'first-contract': '2025-03-10' };
    m.costs = [
      { kind: 'sales', amount: 100000, paidOn: '2025-03-10' },
      { kind: 'sales', amount: 200000, paidOn: '2026-03-09' },
      { kind: 'sales', amount: 400000, paidOn: '2026-03-10' },
    ];
  };

  it('counts sales from the first contract’s day to the day before its anniversary', async () => {
    const report = await check('relative-period', sales);
    expect(report.voucher.eligibleCost).toBe(300000);
    expect(finding(report, 'cost-outside-window')).toMatchObject({ subject: 'costs.2' });
    expect(finding(report, 'cost-outside-window')?.message).toContain('2025年3月10日至2026年3月9日');
  });

  it('asks for the first contract’s date before counting anything', async () => {
    const report = await check('relative-period', (m) => {
      sales(m);
      delete m.events;
    });
    expect(report.voucher.eligibleCost).toBe(0);
    expect(codes(report)).toContain('warning:cost-event-date-missing');
    expect(codes(report)).toContain('warning:condition-date-missing');
  });

  it('refuses a first contract signed before the window', async () => {
    const report = await check('relative-period', (m) => {
      sales(m);
      m.events = { 'first-contract': '2024-02-29' };
    });
    expect(finding(report, 'condition-not-met')).toMatchObject({ severity: 'error', subject: 'events.first-contract' });
  });
});

describe('numeric thresholds', () => {
  // “申报单位成立满1年，上年度主营业务收入2000万元以上且软件业务收入占比不低于30%，从业人员不少于10人”
  const facts = (m: ManifestInput) => {
    m.applicant.established = '2025-03-10';
    m.applicant.facts = { revenueYuan: 20000000, employees: 10, shares: { 'software-revenue': 30 } };
  };

  it('passes exactly at every threshold', async () => {
    const report = await check('thresholds', facts);
    expect(report.findings.filter((f) => f.code.startsWith('condition-'))).toEqual([]);
  });

  it('fails one day short of a full year, one yuan short and one point short', async () => {
    const report = await check(
      'thresholds',
      (m) => {
        facts(m);
        m.applicant.facts = { revenueYuan: 19999999, employees: 10, shares: { 'software-revenue': 29 } };
      },
      '2026-03-09',
    );
    const notMet = report.findings.filter((f) => f.code === 'condition-not-met').map((f) => f.subject);
    expect(notMet).toEqual([
      'applicant.established',
      'applicant.facts.revenueYuan',
      'applicant.facts.software-revenue',
    ]);
    expect(report.findings.every((f) => f.code !== 'condition-not-met' || f.severity === 'error')).toBe(true);
  });

  it('asks for a figure that is not filled in', async () => {
    const report = await check('thresholds');
    expect(report.findings.filter((f) => f.code === 'condition-fact-missing')).toHaveLength(4);
  });
});

describe('no agreement', () => {
  // The call names no model-service contract: “按合同金额的20%给予资助”
  it('asks for no service contract and judges no customer name', async () => {
    const report = await check('no-agreement', (m) => {
      // The applicant's own sales contract: the applicant is the seller, not the customer.
      m.contract = { provider: '', model: '', modelFiling: '', customerName: '深圳市某用户单位有限公司' };
    });
    expect(report.findings.filter((f) => f.subject.startsWith('contract'))).toEqual([]);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(finding(report, 'voucher-budget')?.message).toContain('资助额度为¥200,000.00');
    expect(report.findings.map((f) => f.message).join()).not.toContain('模型券');
  });
});

describe('materials that are originals', () => {
  // “承诺书须提交原件，由法定代表人签字，一式两份”
  it('tells the clerk the commitment must be the original, signed by the legal representative, in two copies', async () => {
    const report = await check('originals', (m) => m.materials.push({ id: 'commitment', files: ['commitment.pdf'] }));
    expect(finding(report, 'material-form')).toMatchObject({ severity: 'info', subject: 'commitment' });
    expect(finding(report, 'material-form')?.message).toContain(
      '须提交原件（不能用复印件），由法定代表人签字，一式2份',
    );
  });
});

describe('an unnumbered cover without 公章', () => {
  // “A4纸（图纸除外）双面打印，封面不编页码、不盖章，目录起连续编写页码”
  it('prints no number and no seal box on the cover, and numbers from the contents on', async () => {
    const file = path.join(dir, 'unnumbered.json');
    writeFileSync(file, JSON.stringify(manifestFor('unnumbered-cover')));
    const pdf = path.join(dir, 'unnumbered.pdf');
    const run = await assemble(file, pdf);
    expect(run.code, explain(run)).toBe(0);
    const map = JSON.parse(run.stdout) as { sections: { id: string; firstPage: number; firstNumber: number }[] };
    expect(map.sections.slice(0, 2).map((s) => [s.id, s.firstPage, s.firstNumber])).toEqual([
      ['cover', 1, 0],
      ['toc', 3, 1],
    ]);
    const page = (n: number) => runTool('pdftotext', ['-q', '-layout', '-f', `${n}`, '-l', `${n}`, pdf, '-']);
    expect(page(1)).not.toMatch(/—\s*1\s*—/);
    expect(page(1)).not.toContain('盖章');
    expect(page(3)).toMatch(/—\s*1\s*—/);
  });
});

describe('the built-in id', () => {
  it('cannot be taken by a profile file a manifest names by path', async () => {
    const copy = path.join(dir, 'shadow.json');
    copyFileSync(path.join(REPO_ROOT, 'shared/profiles/sz-model-voucher-2025.json'), copy);
    const file = path.join(dir, 'shadowing.json');
    writeFileSync(file, JSON.stringify({ ...manifestFor('no-agreement'), profile: './shadow.json' }));
    const run = await juanzong(['check', file, '--json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('“sz-model-voucher-2025”是卷宗内置方案的 id，文件不能代替内置方案');
  });
});
