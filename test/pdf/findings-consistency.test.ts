/**
 * One list of findings: for the same application, the window (`applications:check`), the checklist the dossier
 * job prints, `juanzong check --json` and the checklist of `juanzong assemble --checklist` say the same things,
 * in the same order, including an unanswered question, an undated cost and a phone shared with another applicant.
 * The checklists are read back with pdftotext.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ManifestInput } from '#shared/manifest.ts';
import { findProfile, isClerkQuestion } from '#shared/profiles/index.ts';
import type { Finding } from '#shared/rules/index.ts';
import { dossierOutputPath } from '../../electron/core/services/dossier-jobs.ts';
import type { Services } from '../../electron/core/services/index.ts';
import { CLI, explain, runProcess } from '../acceptance/assemble-cli.ts';
import { TEST_CREDIT_CODE, withCheckCharacter } from '../fixtures/dossier-fixtures.ts';
import { bytesOf, ghostscriptPdf, pdfText } from '../helpers/make-pdf.ts';
import { ask } from '../helpers/ask.ts';
import { openServicesWithJobEnds } from '../helpers/job-ends.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const profile = findProfile('sz-model-voucher-2025')!;
/** 2025-10-20 10:00 in Shanghai: the services' clock and `check --today` agree on it. */
const NOW_UTC = '2025-10-20T02:00:00.000Z';
const TODAY = '2025-10-20T10:00';

const APPLICANT = {
  name: '深圳市一致性测试科技有限公司',
  creditCode: TEST_CREDIT_CODE,
  kind: 'enterprise' as const,
  registeredIn: '南山区',
  contact: '李会计',
  phone: '0755-86000000',
  address: '深圳市南山区科技园',
};
const RIVAL = {
  name: '深圳市另一家科技有限公司',
  creditCode: withCheckCharacter('91440300MA5G7YK2P'),
  contact: '张出纳',
  phone: '0755-86000000',
};
const FIRST_QUESTION = profile.conditions.find(isClerkQuestion)!.id;
const CONTRACT = {
  provider: '深圳市模型服务有限公司',
  model: '先锋大模型 V2',
  modelFiling: 'Guangdong-XianFeng-202501010001',
};

/** Three materials attached, ethics not applicable, the rest missing. */
async function fixtureFiles(dir: string) {
  return {
    'application-form': await ghostscriptPdf(dir, '申请书.pdf', 'FORM', 2),
    'business-license': await ghostscriptPdf(dir, '营业执照.pdf', 'LICENCE', 1),
    'service-contract': await ghostscriptPdf(dir, '服务合同.pdf', 'CONTRACT', 3),
  };
}

/** The application in the window: "已入库?" left unanswered, one cost without a payment date, one condition answered. */
async function storeApplication(services: Services, files: Record<string, string>): Promise<number> {
  const rival = await ask<{ id: number }>(services, 'applicants:create', RIVAL);
  await ask(services, 'applications:create', { applicantId: rival.id, profileId: profile.id, year: 2025 });
  const applicant = await ask<{ id: number }>(services, 'applicants:create', APPLICANT);
  const { id } = await ask<{ id: number }>(services, 'applications:create', {
    applicantId: applicant.id,
    profileId: profile.id,
    year: 2025,
  });
  for (const [materialId, file] of Object.entries(files)) {
    await ask(services, 'attachments:add', {
      applicationId: id,
      materialId,
      fileName: path.basename(file),
      bytes: await bytesOf(file),
    });
  }
  await ask(services, 'applications:setMaterialState', {
    applicationId: id,
    materialId: 'ethics-materials',
    state: 'not-applicable',
    reason: '不涉及科技伦理敏感领域',
  });
  const contract = {
    ...CONTRACT,
    providerListed: null,
    relatedParty: false,
    serviceFrom: '2025-01-01',
    serviceTo: '2025-12-31',
  };
  await ask(services, 'applications:saveContract', { applicationId: id, contract });
  const costs = [
    { kind: 'api', amountFen: 200_000_00, paidOn: '2025-03-01', note: '' },
    { kind: 'api', amountFen: 5_000_00, paidOn: null, note: '' },
  ];
  await ask(services, 'applications:saveCosts', { applicationId: id, costs });
  await ask(services, 'applications:answer', { applicationId: id, questionId: FIRST_QUESTION, answer: 'yes' });
  return id;
}

/** The same application as a manifest file for the command line. */
async function writeManifest(dir: string, files: Record<string, string>): Promise<string> {
  const manifest: ManifestInput = {
    profile: profile.id,
    applicant: APPLICANT,
    materials: [
      ...Object.entries(files).map(([id, file]) => ({ id, files: [path.basename(file)] })),
      { id: 'ethics-materials', notApplicable: true, reason: '不涉及科技伦理敏感领域' },
    ],
    contract: {
      ...CONTRACT,
      relatedParty: false,
      serviceFrom: '2025-01-01',
      serviceTo: '2025-12-31',
      relatedPartyAnswers: {},
    },
    costs: [
      { kind: 'api', amount: 200_000, paidOn: '2025-03-01' },
      { kind: 'api', amount: 5_000 },
    ],
    conditions: { [FIRST_QUESTION]: 'yes' },
  };
  const file = path.join(dir, 'application.json');
  await writeFile(file, JSON.stringify(manifest, null, 2));
  return file;
}

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** What the checklist's 二、检查结果 should read for these findings, whitespace left out (lines wrap anywhere). */
function printed(findings: Finding[]): string {
  return squeeze(findings.map((f) => `［${SEVERITY[f.severity]}］${f.message}`).join(''));
}

/** The 二、检查结果 section of a checklist PDF, read back with pdftotext, whitespace left out. */
async function findingsOnChecklist(file: string): Promise<string> {
  const text = squeeze(await pdfText(file));
  const start = text.indexOf('二、检查结果');
  const end = text.indexOf('三、打印与装订');
  expect(start, 'the checklist has its findings section').toBeGreaterThan(-1);
  return text.slice(start + '二、检查结果'.length, end);
}

async function cliJson(dataDir: string, args: string[]): Promise<{ findings: Finding[] }> {
  const r = await runProcess(process.execPath, [CLI, '--data', dataDir, ...args], 120_000);
  expect(r.code, explain(r)).toBe(0);
  return JSON.parse(r.stdout) as { findings: Finding[] };
}

describe('one list of findings for one application', () => {
  it(
    'the window, the dossier job’s checklist, check --json and assemble --checklist agree',
    { timeout: 300_000 },
    async () => {
      const dir = await tempDir();
      const dataDir = path.join(dir, 'data');
      const files = await fixtureFiles(dir);
      const { services, jobEnd } = await openServicesWithJobEnds({ dataDir, now: () => NOW_UTC });
      const applicationId = await storeApplication(services, files);

      const { findings: inWindow } = await ask<{ findings: Finding[] }>(services, 'applications:check', {
        applicationId,
      });
      const { jobId } = await ask<{ jobId: string }>(services, 'dossier:start', { applicationId });
      const status = await jobEnd(jobId);
      expect(status.error).toBeNull();
      const jobChecklist = await findingsOnChecklist(dossierOutputPath(dataDir, jobId, 'checklist'));
      services.close();

      // What the disagreements used to hide or invent.
      const said = inWindow.map((f) => `${f.severity}:${f.code}:${f.subject}`);
      expect(said).toEqual(
        expect.arrayContaining([
          'error:contract-field-empty:contract.providerListed',
          'warning:cost-date-missing:costs.1',
          'warning:phone-shared:applicant.phone',
          'warning:condition-unanswered:conditions.not-seriously-dishonest',
        ]),
      );
      expect(inWindow.some((f) => f.message.includes('不在已入库模型服务机构名单中'))).toBe(false);

      expect(jobChecklist).toBe(printed(inWindow));

      const manifest = await writeManifest(dir, files);
      const checked = await cliJson(dataDir, ['check', manifest, '--json', '--today', TODAY]);
      expect(checked.findings).toEqual(inWindow);

      // assemble has no --today: its checklist is compared with a check made at the same real time.
      const checklist = path.join(dir, '清单.pdf');
      const assembled = await runProcess(
        process.execPath,
        [CLI, '--data', dataDir, 'assemble', manifest, '--out', path.join(dir, '卷宗.pdf'), '--checklist', checklist],
        120_000,
      );
      expect(assembled.code, explain(assembled)).toBe(0);
      const checkedNow = await cliJson(dataDir, ['check', manifest, '--json']);
      expect(checkedNow.findings.map((f) => f.code)).toContain('phone-shared');
      expect(await findingsOnChecklist(checklist)).toBe(printed(checkedNow.findings));
    },
  );
});
