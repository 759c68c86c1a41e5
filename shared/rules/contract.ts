/**
 * Rules on the service contract: a listed provider, no related party, a filed model, services inside the window.
 */
import { modelServiceAgreement } from '../profiles/reading.ts';
import type { Profile, ProfileAgreement } from '../profiles/schema.ts';
import { addDays, chineseDate, daysInclusive } from './calendar.ts';
import { error, warning } from './findings.ts';
import type { ContractFacts, Finding } from './types.ts';

/** What the rules need answered before they judge a contract. */
const FIELDS_TO_FILL = [
  ['providerListed', '模型服务机构是否已入库'],
  ['relatedParty', '与模型服务机构是否构成关联方'],
  ['serviceFrom', '服务开始日期'],
  ['serviceTo', '服务结束日期'],
] as const;

/** A contract with every field the rules judge filled in. */
type FilledContract = ContractFacts & Required<Pick<ContractFacts, (typeof FIELDS_TO_FILL)[number][0]>>;

function checkProvider(contract: FilledContract, rules: ProfileAgreement, grant: string): Finding[] {
  if (!contract.provider.trim()) {
    return [
      error('contract-provider-missing', 'contract.provider', '请填写签订服务合同的模型服务机构名称（与合同一致）。'),
    ];
  }
  if (rules.requireListedProvider && !contract.providerListed) {
    return [
      error(
        'contract-provider-not-listed',
        'contract.providerListed',
        `模型服务机构“${contract.provider}”不在已入库模型服务机构名单中。只有与已入库机构签订的合同才能申领${grant}：请核对入库名单，或改与已入库机构签约。`,
      ),
    ];
  }
  return [];
}

/** The related-party test of EIT Implementation Regulations art. 109, asked as the profile's questions. */
export function checkRelatedParty(contract: FilledContract, rules: ProfileAgreement, grant: string): Finding[] {
  if (!rules.forbidRelatedParty) return [];
  const provider = contract.provider || '模型服务机构';
  if (contract.relatedParty) {
    return [
      error(
        'contract-related-party',
        'contract.relatedParty',
        `申报单位与“${provider}”构成关联方，与关联方签订的合同不能申领${grant}。请改与非关联方的已入库模型服务机构签约。`,
      ),
    ];
  }
  const findings: Finding[] = [];
  for (const q of rules.relatedPartyQuestions) {
    const subject = `contract.relatedPartyAnswers.${q.id}`;
    const answer = contract.relatedPartyAnswers[q.id];
    if (answer === 'yes') {
      return [
        error(
          'contract-related-party',
          subject,
          `申报单位与“${provider}”${q.criterion}，按企业所得税法实施条例第一百零九条构成关联方，该合同不能申领${grant}。请改与非关联方的已入库模型服务机构签约。`,
        ),
      ];
    }
    if (answer === undefined)
      findings.push(warning('related-party-unanswered', subject, `关联方核查尚未回答：${q.question}`));
    if (answer === 'unsure')
      findings.push(
        warning(
          'related-party-unsure',
          subject,
          `关联方核查答为“不确定”：${q.question} 请查阅双方股东、实际控制人信息后回答“是”或“否”。`,
        ),
      );
  }
  return findings;
}

function checkModel(contract: ContractFacts, rules: ProfileAgreement, grant: string): Finding[] {
  const findings: Finding[] = [];
  if (!contract.model.trim())
    findings.push(warning('contract-model-missing', 'contract.model', '请填写合同所用模型的名称。'));
  if (rules.requireModelFiling && !contract.modelFiling.trim()) {
    findings.push(
      error(
        'contract-model-filing-missing',
        'contract.modelFiling',
        `没有填写模型在国家网信办的备案号。只有已备案的生成式人工智能模型才能申领${grant}：请向模型服务机构索取备案号，或在国家网信办公布的备案信息中查找。`,
      ),
    );
  }
  return findings;
}

function reversed(serviceFrom: string, serviceTo: string): Finding[] {
  return [
    error(
      'contract-dates-reversed',
      'contract.serviceTo',
      `服务结束日期（${serviceTo}）早于开始日期（${serviceFrom}），请对照合同改正。`,
    ),
  ];
}

function span(from: string, to: string): string {
  return `${chineseDate(from)}至${chineseDate(to)}（${daysInclusive(from, to)}天）`;
}

/** Checks that the contract's services fall inside the agreement's service period, when the profile sets one. */
export function checkServiceWindow(contract: FilledContract, rules: ProfileAgreement, grant: string): Finding[] {
  const { serviceFrom, serviceTo } = contract;
  if (!rules.servicePeriod) return serviceFrom > serviceTo ? reversed(serviceFrom, serviceTo) : [];
  const windowFrom = rules.servicePeriod.from.slice(0, 10);
  const windowTo = rules.servicePeriod.to.slice(0, 10);
  const window = `${chineseDate(windowFrom)}至${chineseDate(windowTo)}`;
  if (serviceFrom > serviceTo) return reversed(serviceFrom, serviceTo);
  if (serviceTo < windowFrom || serviceFrom > windowTo) {
    const subject = serviceTo < windowFrom ? 'contract.serviceTo' : 'contract.serviceFrom';
    return [
      error(
        'contract-outside-window',
        subject,
        `合同服务期${serviceFrom}至${serviceTo}完全在规定期间（${window}）以外，不能申领${grant}。请核对合同日期，或选用在规定期间内开展服务的合同。`,
      ),
    ];
  }
  const outside: string[] = [];
  if (serviceFrom < windowFrom) outside.push(span(serviceFrom, addDays(windowFrom, -1)));
  if (serviceTo > windowTo) outside.push(span(addDays(windowTo, 1), serviceTo));
  if (outside.length === 0) return [];
  const subject = serviceFrom < windowFrom ? 'contract.serviceFrom' : 'contract.serviceTo';
  return [
    warning(
      'contract-partly-outside-window',
      subject,
      `合同服务期有部分在规定期间（${window}）以外：${outside.join('、')}的服务不计入${grant}，这些日子支付的费用也不计入。`,
    ),
  ];
}

const isEmpty = (value: boolean | string | undefined) => value === undefined || value === '';

function isFilled(contract: ContractFacts): contract is FilledContract {
  return FIELDS_TO_FILL.every(([key]) => !isEmpty(contract[key]));
}

/**
 * One error for each field still empty: the clerk is told what to fill in rather than given verdicts on blanks,
 * and the application stays blocked until the contract can be judged.
 */
function fieldsToFill(contract: ContractFacts): Finding[] {
  return FIELDS_TO_FILL.filter(([key]) => isEmpty(contract[key])).map(([key, label]) =>
    error('contract-field-empty', `contract.${key}`, `合同信息还缺“${label}”。请对照合同在「合同与费用」中填写。`),
  );
}

/**
 * All contract rules; no contract at all is one error. The rules judge a contract once it is complete enough to
 * judge; until then they name the fields still empty.
 */
export function checkContract(contract: ContractFacts | undefined, profile: Profile): Finding[] {
  const rules = modelServiceAgreement(profile);
  if (!rules) return [];
  if (!contract) {
    return [
      error(
        'contract-missing',
        'contract',
        `还没有录入${rules.label}：请填写${rules.roles.counterparty}、模型、备案号和服务起止日期。`,
      ),
    ];
  }
  if (!isFilled(contract)) return fieldsToFill(contract);
  const grant = profile.words.grant;
  return [
    ...checkProvider(contract, rules, grant),
    ...checkRelatedParty(contract, rules, grant),
    ...checkModel(contract, rules, grant),
    ...checkServiceWindow(contract, rules, grant),
  ];
}
