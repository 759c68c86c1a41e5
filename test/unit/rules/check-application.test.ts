import { describe, expect, it } from 'vitest';
import { applicationFromManifest, checkApplication } from '#shared/rules/index.ts';
import {
  FILING_DAY,
  GUANGZHOU_CODE,
  parseSample,
  sampleApplication,
  sampleManifest,
  voucherProfile,
} from './sample.ts';

const profile = voucherProfile();
const errorsOf = (change: Parameters<typeof sampleApplication>[0]) =>
  checkApplication(sampleApplication(change), profile, FILING_DAY).findings.filter((f) => f.severity === 'error');

describe('checkApplication', () => {
  it('finds no error or warning in a complete, valid application and gives the voucher', () => {
    const { voucher, findings } = checkApplication(sampleApplication(), profile, FILING_DAY);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(voucher.eligibleCostFen).toBe(300000_00);
    expect(voucher.amountFen).toBe(90000_00);
  });

  it('lists errors before warnings before notes', () => {
    const { findings } = checkApplication(
      sampleApplication((m) => {
        m.applicant.kind = undefined;
        m.applicant.registeredIn = '广州市天河区';
        m.applicant.creditCode = GUANGZHOU_CODE;
      }),
      profile,
      FILING_DAY,
    );
    const ranks = findings.map((f) => ({ error: 0, warning: 1, info: 2 })[f.severity]);
    expect([...ranks].sort()).toEqual(ranks);
    expect(findings[0]?.code).toBe('applicant-outside-region');
  });

  it('reports each broken part with its own code and subject', () => {
    expect(errorsOf((m) => (m.contract!.providerListed = false)).map((f) => f.code)).toEqual([
      'contract-provider-not-listed',
    ]);
    expect(errorsOf((m) => (m.conditions!['project-in-shenzhen'] = 'no')).map((f) => f.subject)).toEqual([
      'conditions.project-in-shenzhen',
    ]);
    expect(errorsOf((m) => (m.contract = undefined)).map((f) => f.code)).toEqual(['contract-missing']);
    expect(errorsOf((m) => (m.contract!.customerName = '别的公司')).map((f) => f.code)).toEqual([
      'applicant-name-inconsistent',
    ]);
  });

  it('checks shared contacts against the other applicants the caller supplies', () => {
    const application = { ...sampleApplication(), otherApplicants: [{ name: '别家', contact: '王小明', year: 2025 }] };
    const codes = checkApplication(application, profile, FILING_DAY).findings.map((f) => f.code);
    expect(codes).toContain('contact-shared');
  });

  it('refuses a today it cannot read', () => {
    expect(() => checkApplication(sampleApplication(), profile, '20/10/2025')).toThrow(RangeError);
  });
});

describe('applicationFromManifest', () => {
  it('turns yuan into fen, file lists into counts, and keeps the answers', () => {
    const input = sampleManifest();
    input.costs = [{ kind: 'api', amount: 1234.56, paidOn: '2025-01-02' }];
    const application = applicationFromManifest(parseSample(input), {
      missingFiles: new Set(['files/credit-report.pdf']),
    });
    expect(application.costs[0]?.amountFen).toBe(123456);
    expect(application.materials.find((m) => m.id === 'credit-report')).toMatchObject({
      attachedFiles: 1,
      missingFiles: ['files/credit-report.pdf'],
    });
    expect(application.materials.find((m) => m.id === 'ethics-materials')).toMatchObject({
      attachedFiles: 0,
      setAside: { state: 'not-applicable' },
    });
    expect(application.contract?.relatedPartyAnswers.control).toBe('no');
    expect(application.conditions['model-filed']).toBe('yes');
    expect(application.otherApplicants).toEqual([]);
  });

  it('collects the applicant’s name and code wherever the manifest records them', () => {
    const input = sampleManifest();
    input.materials[0] = { ...input.materials[0]!, applicantName: '甲', applicantCreditCode: '乙' };
    input.contract = { ...input.contract!, customerName: '丙' };
    expect(applicationFromManifest(parseSample(input)).recordedIdentities).toEqual([
      { subject: 'application-form', name: '甲', creditCode: '乙' },
      { subject: 'contract.customerName', name: '丙', creditCode: undefined },
    ]);
  });

  it('reads a file entry given as an object with rotations', () => {
    const input = sampleManifest();
    input.materials[1] = { id: 'business-license', files: [{ path: 'files/licence.jpg', rotate: { '1': 90 } }] };
    const application = applicationFromManifest(parseSample(input), { missingFiles: new Set(['files/licence.jpg']) });
    expect(application.materials[1]).toMatchObject({ attachedFiles: 1, missingFiles: ['files/licence.jpg'] });
  });
});
