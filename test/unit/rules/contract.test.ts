import { describe, expect, it } from 'vitest';
import { checkContract } from '#shared/rules/contract.ts';
import type { ContractFacts } from '#shared/rules/types.ts';
import { voucherProfile } from './sample.ts';

const profile = voucherProfile();
const base: ContractFacts = {
  provider: '示例模型服务有限公司',
  providerListed: true,
  relatedParty: false,
  model: '示例大模型',
  modelFiling: 'Guangdong-ShiLiDaMoXing-202401010001',
  serviceFrom: '2025-01-01',
  serviceTo: '2025-12-31',
  relatedPartyAnswers: { control: 'no', 'common-control': 'no', 'other-interest': 'no' },
};
const check = (change: Partial<ContractFacts>) => checkContract({ ...base, ...change }, profile);
const codes = (change: Partial<ContractFacts>) => check(change).map((f) => `${f.severity}:${f.code}:${f.subject}`);

describe('contract: provider, related party, filing', () => {
  it('says nothing about a good contract', () => {
    expect(check({})).toEqual([]);
  });

  it('errors when there is no contract at all', () => {
    expect(checkContract(undefined, profile).map((f) => `${f.severity}:${f.code}`)).toEqual(['error:contract-missing']);
  });

  it('names the questions and dates still empty instead of judging blanks, and keeps the application blocked', () => {
    const draft = { ...base, providerListed: undefined, serviceTo: undefined };
    expect(checkContract(draft, profile).map((f) => `${f.severity}:${f.code}:${f.subject}`)).toEqual([
      'error:contract-field-empty:contract.providerListed',
      'error:contract-field-empty:contract.serviceTo',
    ]);
    expect(checkContract(draft, profile)[0]?.message).toBe(
      '合同信息还缺“模型服务机构是否已入库”。请对照合同在「合同与费用」中填写。',
    );
    expect(checkContract(draft, profile).some((f) => f.message.includes('不在已入库模型服务机构名单中'))).toBe(false);
  });

  it('errors on a provider outside the listed pool', () => {
    expect(codes({ providerListed: false })).toEqual(['error:contract-provider-not-listed:contract.providerListed']);
    expect(check({ providerListed: false })[0]?.message).toContain('示例模型服务有限公司');
  });

  it('errors on a related party, declared or found by an art. 109 question', () => {
    expect(codes({ relatedParty: true })).toEqual(['error:contract-related-party:contract.relatedParty']);
    const byQuestion = check({
      relatedPartyAnswers: { control: 'no', 'common-control': 'yes', 'other-interest': 'no' },
    });
    expect(byQuestion.map((f) => `${f.severity}:${f.code}:${f.subject}`)).toEqual([
      'error:contract-related-party:contract.relatedPartyAnswers.common-control',
    ]);
    expect(byQuestion[0]?.message).toContain('同为第三者控制');
  });

  it('warns on each art. 109 question unanswered or not sure', () => {
    expect(codes({ relatedPartyAnswers: { control: 'unsure' } })).toEqual([
      'warning:related-party-unsure:contract.relatedPartyAnswers.control',
      'warning:related-party-unanswered:contract.relatedPartyAnswers.common-control',
      'warning:related-party-unanswered:contract.relatedPartyAnswers.other-interest',
    ]);
  });

  it('errors when the CAC filing number is not recorded', () => {
    expect(codes({ modelFiling: '  ' })).toEqual(['error:contract-model-filing-missing:contract.modelFiling']);
    expect(codes({ provider: '' })).toEqual(['error:contract-provider-missing:contract.provider']);
  });
});

describe('contract: services inside 2024-12-01 … 2026-08-31', () => {
  it('accepts services from the first to the last day of the window', () => {
    expect(check({ serviceFrom: '2024-12-01', serviceTo: '2026-08-31' })).toEqual([]);
  });

  it('errors when the services lie wholly outside', () => {
    expect(codes({ serviceFrom: '2024-06-01', serviceTo: '2024-11-30' })).toEqual([
      'error:contract-outside-window:contract.serviceTo',
    ]);
    expect(codes({ serviceFrom: '2026-09-01', serviceTo: '2027-08-31' })).toEqual([
      'error:contract-outside-window:contract.serviceFrom',
    ]);
  });

  it('warns, naming the days that do not count, when one day sticks out before', () => {
    const [finding] = check({ serviceFrom: '2024-11-30', serviceTo: '2025-11-29' });
    expect(finding).toMatchObject({
      severity: 'warning',
      code: 'contract-partly-outside-window',
      subject: 'contract.serviceFrom',
    });
    expect(finding?.message).toContain('2024年11月30日至2024年11月30日（1天）');
  });

  it('names both ends when the services stick out on both sides', () => {
    const [finding] = check({ serviceFrom: '2024-11-01', serviceTo: '2026-09-30' });
    expect(finding?.message).toContain('2024年11月1日至2024年11月30日（30天）');
    expect(finding?.message).toContain('2026年9月1日至2026年9月30日（30天）');
  });

  it('errors on an end before the start', () => {
    expect(codes({ serviceFrom: '2025-12-31', serviceTo: '2025-01-01' })).toEqual([
      'error:contract-dates-reversed:contract.serviceTo',
    ]);
  });
});
