/**
 * Maps the guide's funding (三) onto tracks — one, or one per claimant when the guide gives each its own rate and
 * cap — and the contract its special conditions name onto an agreement.
 */
import type { Profile, ProfileAgreement, ProfileTrack } from '../schema.ts';
import { placeholderText, type DraftNotes } from './draft-notes.ts';
import type { ClaimantFunding } from './claimant-funding.ts';
import type { GuideFacts } from './facts.ts';

type Cap = ProfileTrack['caps'][number];

/** What the rate applies to, from the words between 不超过 and 的N%. */
function baseOf(words: string): ProfileTrack['base'] {
  if (/合同/.test(words)) return 'contract-amount';
  if (/投资/.test(words)) return 'investment';
  if (/销售/.test(words)) return 'sales';
  return 'eligible-costs';
}

/** Whom the caps are counted for, from their sentence; undefined when it does not say. */
function capScopeOf(words: string): Cap['scope'] | undefined {
  if (/每个项目|单个项目|每个申报项目|单项/.test(words)) return 'project';
  if (/每家|单家|每年/.test(words)) return 'company-year';
  return undefined;
}

/** The rate and caps of one track, from the whole funding text or from one claimant's part of it. */
type TrackFunding = Pick<GuideFacts, 'rates' | 'caps'>;

function draftCaps(funding: TrackFunding, at: string, notes: DraftNotes): Cap[] {
  const found = funding.caps;
  if (!found || found.value.hardYuan === undefined) {
    notes.decide(`${at}.caps`, '指南中没有找到最高资助额度（“最高不超过…万元”），草稿中没有限额，请核对。');
    return [];
  }
  notes.quote(`${at}.caps`, found.quote);
  const stated = capScopeOf(found.quote);
  if (!stated)
    notes.decide(`${at}.caps`, '限额的适用范围（每家企业每年、每个项目……）指南没有写明，暂记为每家企业每年，请核对。');
  if (found.value.others.length > 0)
    notes.decide(
      `${at}.caps`,
      `指南还写了其他限额（${found.value.others.join('；')}），草稿没有记下，请按指南补上（如另设一条资助途径）。`,
    );
  const scope = stated ?? 'company-year';
  const { softYuan, hardYuan } = found.value;
  const hard: Cap = { yuan: hardYuan, scope, kind: 'hard', quote: found.quote };
  return softYuan === undefined ? [hard] : [hard, { yuan: softYuan, scope, kind: 'soft', quote: found.quote }];
}

function draftRate(funding: TrackFunding, at: string, notes: DraftNotes): Pick<ProfileTrack, 'ratePercent' | 'base'> {
  const rate = funding.rates[0];
  if (!rate) {
    notes.fill(`${at}.ratePercent`, '指南“三”中没有找到“不超过…的N%”的资助比例，已填占位的 100%，请按指南填写。');
    notes.decide(`${at}.base`, '指南没有写资助比例的计算基数，暂记为计入的费用，请确认。');
    return { ratePercent: 100, base: 'eligible-costs' };
  }
  notes.quote(`${at}.ratePercent`, rate.quote);
  notes.quote(`${at}.base`, rate.quote);
  if (funding.rates.length > 1)
    notes.decide(
      `${at}.ratePercent`,
      `指南写了不止一个比例（${funding.rates.map((r) => r.quote).join('；')}），草稿暂取第一个；其他比例可记为 rateChanges 或另一条资助途径，请确认。`,
    );
  return { ratePercent: rate.value.percent, base: baseOf(rate.value.base) };
}

function draftCostKinds(facts: GuideFacts, at: string, notes: DraftNotes): ProfileTrack['eligibleCostKinds'] {
  if (!facts.costScope) {
    notes.decide(`${at}.eligibleCostKinds`, '指南中没有找到费用范围（“…费用包括：…”），草稿中没有费用种类。');
    return undefined;
  }
  notes.quote(`${at}.eligibleCostKinds`, facts.costScope.quote);
  notes.decide(
    `${at}.eligibleCostKinds`,
    '费用种类按“、”拆分起草，id 为编号：请核对拆分（如“A或B费用”是否拆成两种）并改成有意义的 id。',
  );
  return facts.costScope.value.map((label, i) => ({ id: `cost-${i + 1}`, label }));
}

function servicePeriodOf(facts: GuideFacts, path: string, notes: DraftNotes) {
  const found = facts.serviceWindow;
  if (found?.value.ok) {
    notes.quote(path, found.quote);
    return found.value.value;
  }
  const why = found ? `指南中的“${found.value.words}”不是真实的日期` : '指南的专项条件中没有找到服务（项目实施）期间';
  notes.decide(path, `${why}，草稿中没有这一项；指南确有规定的请补上。`);
  return undefined;
}

/** One track: the guide's one funding rule (`main`), or one claimant's part of it (`track-N`). */
function draftTrack(
  facts: GuideFacts,
  track: { id: string; label: string; funding: TrackFunding; quote: string | undefined },
  notes: DraftNotes,
): ProfileTrack {
  const at = `tracks.${track.id}`;
  const mode = facts.mode;
  if (mode) notes.quote(`${at}.mode`, mode.quote);
  else notes.fill(`${at}.mode`, '指南中没有找到资助方式（如“事后资助”），已填占位内容，请填写。');
  if (facts.budgetNote) notes.quote(`${at}.budgetNote`, facts.budgetNote.quote);
  else notes.decide(`${at}.budgetNote`, '指南没有写预算说明（如“受专项资金年度预算总额控制”），草稿中没有这一项。');
  const costPeriod = servicePeriodOf(facts, `${at}.costPeriod`, notes);
  const costKinds = draftCostKinds(facts, at, notes);
  return {
    id: track.id,
    label: track.label,
    mode: mode?.value ?? placeholderText('资助方式（如“事后资助”）'),
    ...draftRate(track.funding, at, notes),
    caps: draftCaps(track.funding, at, notes),
    ...(costKinds ? { eligibleCostKinds: costKinds } : {}),
    ...(costPeriod ? { costPeriod } : {}),
    ...(facts.budgetNote ? { budgetNote: facts.budgetNote.value } : {}),
    quote: track.quote ?? placeholderText('指南中资助标准的原文'),
  };
}

function claimantTrack(facts: GuideFacts, part: ClaimantFunding, index: number, notes: DraftNotes): ProfileTrack {
  const id = `track-${index + 1}`;
  notes.quote(`tracks.${id}`, part.quote);
  notes.decide(
    `tracks.${id}.claimants`,
    `指南对“${part.claimant}”另定了比例和限额。请写明哪些申报单位按这一类别申报（claimants：单位类型，或某个条件答“是”），并把 id 改成有意义的名字；不写时，所有单位都按排在前面的类别计算。`,
  );
  return draftTrack(facts, { id, label: part.claimant, funding: part, quote: part.quote }, notes);
}

/** The guide's funding as tracks: one per claimant when it gives each its own rate, else the one track `main`. */
export function draftTracks(facts: GuideFacts, label: string, notes: DraftNotes): ProfileTrack[] {
  if (facts.claimantFunding.length > 0)
    return facts.claimantFunding.map((part, i) => claimantTrack(facts, part, i, notes));
  const quote = facts.costScope?.quote ?? facts.rates[0]?.quote ?? facts.caps?.quote;
  return [draftTrack(facts, { id: 'main', label, funding: facts, quote }, notes)];
}

/** "与已入库模型服务机构签订了服务合同（协议）" → the counterparty 模型服务机构. */
const contractWords = /与[^，。；]*?([^，。；、]{0,8}服务机构)签订[^，。；]*?(?:合同|协议)(?:[（(][^（）()]*[）)])?/;

function counterpartyOf(quote: string): string {
  return contractWords.exec(quote)![1]!.replace(/^(?:非关联方|已入库|的)+/, '');
}

/** The service contract the special conditions name, as one agreement; none when they name none. */
export function draftAgreements(facts: GuideFacts, notes: DraftNotes): Profile['agreements'] {
  const special = facts.conditions.filter((c) => c.group === 'special').map((c) => c.quote);
  const sentence = special.find((q) => contractWords.test(q));
  if (!sentence) {
    notes.decide('agreements', '专项条件中没有找到“与…服务机构签订…合同”，草稿中没有合同规则；申报须附合同的请补上。');
    return [];
  }
  const text = special.join('；');
  const quote = contractWords.exec(sentence)![0];
  const path = 'agreements.service-contract';
  notes.quote(path, quote);
  const basis = /关联关系(?:根据|按照|依据)(《[^》]+》[^，。；]*?)(?:相关规定)?执行/.exec(text)?.[1];
  const forbidRelatedParty = /不构成关联|非关联/.test(text);
  notes.decide(
    path,
    '合同规则（须已入库、不得为关联方、模型须备案）按专项条件的字眼起草，请确认；合同种类暂记为 model-service（清单的“服务合同”一栏）。',
  );
  if (forbidRelatedParty)
    notes.decide(`${path}.relatedPartyQuestions`, '关联方判断问题需要人按关联关系的认定依据来写。');
  const servicePeriod = servicePeriodOf(facts, `${path}.servicePeriod`, notes);
  const agreement: ProfileAgreement = {
    id: 'service-contract',
    kind: 'model-service',
    label: '服务合同',
    roles: { applicant: '申报单位', counterparty: counterpartyOf(quote) },
    requireListedProvider: /已入库/.test(text),
    forbidRelatedParty,
    requireModelFiling: /备案/.test(text),
    ...(basis ? { relatedPartyBasis: basis } : {}),
    relatedPartyQuestions: [],
    ...(servicePeriod ? { servicePeriod } : {}),
    quote,
  };
  return [agreement];
}
