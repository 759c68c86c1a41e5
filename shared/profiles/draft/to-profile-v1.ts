/**
 * Maps the facts read from a guide onto profile format v1, with a gap for every field a person must fill or decide.
 * Kept apart from the reading (`facts.ts`) so that a later format maps the same facts its own way.
 */
import type { Period, Profile } from '../schema-v1.ts';
import type { Found } from './dates.ts';
import { DraftNotes, placeholderDate, placeholderText, type DraftGap } from './draft-notes.ts';
import type { GuideFacts, Quoted } from './facts.ts';
import { draftConditions, draftMaterials } from './v1-lists.ts';

export interface ProfileDraft {
  profile: Profile;
  gaps: DraftGap[];
}

/** A date or period the guide states, or a stand-in with its gap when it is missing or not a real date. */
function draftFound<T>(
  found: Quoted<Found<T>> | undefined,
  path: string,
  what: string,
  standIn: T,
  notes: DraftNotes,
): T {
  if (found?.value.ok) {
    notes.quote(path, found.quote);
    return found.value.value;
  }
  const why = found ? `指南中的“${found.value.words}”不是真实的日期` : '指南中没有找到';
  notes.fill(path, `${what}：${why}，已填占位日期 ${placeholderDate}，请按指南填写。`);
  return structuredClone(standIn);
}

/** A stated text, or a marked stand-in with its gap. */
function stated(found: Quoted<string> | undefined, path: string, what: string, notes: DraftNotes): string {
  if (found) {
    notes.quote(path, found.quote);
    return found.value;
  }
  notes.fill(path, `指南中没有找到${what}，已填占位内容，请填写。`);
  return placeholderText(what);
}

function shortTitle(facts: GuideFacts, notes: DraftNotes): string {
  const title = facts.guideTitle.replace(/^.*?(?=20\d{2}年)/, '').replace(/项目?申请指南$|申报指南$|指南$/, '');
  notes.decide('title', `方案名称按指南标题起草为“${title}”，请改成经办人熟悉的简称。`);
  return title || placeholderText('方案名称');
}

function draftFunding(facts: GuideFacts, notes: DraftNotes): Profile['funding'] {
  const rate = facts.rates[0];
  if (rate) notes.quote('funding.ratePercent', rate.quote);
  else notes.fill('funding.ratePercent', '指南“三”中没有找到“不超过…的N%”的资助比例，已填占位的 100%，请按指南填写。');
  if (facts.rates.length > 1)
    notes.decide(
      'funding.ratePercent',
      `指南写了不止一个比例（${facts.rates.map((r) => r.quote).join('；')}），格式 v1 只能记一个，暂取第一个，请确认。`,
    );
  const caps = facts.caps?.value;
  if (facts.caps) notes.quote('funding.hardCapYuan', facts.caps.quote);
  if (caps?.hardYuan === undefined)
    notes.fill(
      'funding.hardCapYuan',
      '指南中没有找到最高资助额度（“最高不超过…万元”），已填占位的 1 元，请按指南填写。',
    );
  if (caps?.softYuan !== undefined) notes.quote('funding.softCapYuan', facts.caps!.quote);
  else
    notes.fill(
      'funding.softCapYuan',
      '指南没有写“原则上不超过”的额度，格式 v1 必须有一个：暂与最高额度相同（即不另设原则上限），请确认。',
    );
  if (caps && caps.others.length > 0)
    notes.decide(
      'funding.hardCapYuan',
      `指南还写了其他限额（${caps.others.join('；')}），格式 v1 只能记一个最高额度，请确认。`,
    );
  const perProject = /每个项目|单个项目|每个申报项目|单项/.test(facts.caps?.quote ?? '');
  notes.decide(
    'funding',
    perProject
      ? '指南的资助额度按每个项目计算，格式 v1 只按每家企业每年计算，请确认能否这样使用。'
      : '资助额度的适用范围（每家企业每年、每个项目……）请按指南原文核对：格式 v1 只按每家企业每年计算。',
  );
  const hard = caps?.hardYuan ?? 1;
  return {
    mode: stated(facts.mode, 'funding.mode', '资助方式（如“事后资助”）', notes),
    ratePercent: rate?.value.percent ?? 100,
    softCapYuan: caps?.softYuan ?? hard,
    hardCapYuan: hard,
    eligibleCostKinds: draftCostKinds(facts, notes),
    quote:
      facts.costScope?.quote ?? facts.rates[0]?.quote ?? facts.caps?.quote ?? placeholderText('指南中资助标准的原文'),
    budgetNote: stated(facts.budgetNote, 'funding.budgetNote', '预算说明（如“受专项资金年度预算总额控制”）', notes),
  };
}

function draftCostKinds(facts: GuideFacts, notes: DraftNotes): Profile['funding']['eligibleCostKinds'] {
  if (!facts.costScope) {
    notes.fill(
      'funding.eligibleCostKinds',
      '指南中没有找到费用范围（“…费用包括：…”），已填一个占位的费用种类，请按指南填写。',
    );
    return [{ id: 'cost-1', label: placeholderText('费用种类') }];
  }
  notes.quote('funding.eligibleCostKinds', facts.costScope.quote);
  notes.decide(
    'funding.eligibleCostKinds',
    '费用种类按“、”拆分起草，id 为编号：请核对拆分（如“A或B费用”是否拆成两种）并改成有意义的 id。',
  );
  return facts.costScope.value.map((label, i) => ({ id: `cost-${i + 1}`, label }));
}

function draftApplicant(facts: GuideFacts, notes: DraftNotes): Profile['applicant'] {
  const sentence =
    facts.conditions.find((c) => c.group === 'special' && /应是|应为/.test(c.quote)) ?? facts.conditions[0];
  const quote = sentence?.quote.split(/[，,；;]/)[0] ?? placeholderText('指南中申报单位条件的原文');
  const enterprisesOnly = /应是[^，；]*企业|应为[^，；]*企业/.test(quote);
  notes.quote('applicant', sentence ? quote : undefined);
  notes.fill(
    'applicant.region',
    '申报地区的名称、区名和统一社会信用代码前缀需要人来填写（已按深圳市填了占位内容），请核对。',
  );
  notes.decide(
    'applicant.acceptedKinds',
    enterprisesOnly ? '按原文只收企业，请确认。' : '指南没有明确只收哪类单位，暂收全部类别，请按指南确认。',
  );
  return {
    acceptedKinds: enterprisesOnly ? ['enterprise'] : ['enterprise', 'institution', 'association', 'other'],
    region: {
      label: placeholderText('深圳市'),
      names: ['深圳'],
      districts: [],
      creditCodeRegionPrefixes: ['4403'],
      creditCodeUndecidedPrefixes: [],
    },
    quote,
  };
}

function draftContract(facts: GuideFacts, notes: DraftNotes): Profile['contract'] {
  const special = facts.conditions
    .filter((c) => c.group === 'special')
    .map((c) => c.quote)
    .join('；');
  const basis = /关联关系(?:根据|按照|依据)(《[^》]+》[^，。；]*?)(?:相关规定)?执行/.exec(special)?.[1];
  notes.decide(
    'contract',
    '合同规则（须已入库、不得为关联方、模型须备案）按专项条件的字眼起草，请确认；关联方判断问题（relatedPartyQuestions）需要人来填写。',
  );
  if (!basis) notes.fill('contract.relatedPartyBasis', '指南没有写关联关系的依据，已填占位内容，请填写或确认不适用。');
  return {
    requireListedProvider: /已入库/.test(special),
    forbidRelatedParty: /不构成关联|非关联/.test(special),
    requireModelFiling: /备案/.test(special),
    relatedPartyBasis: basis ?? placeholderText('关联关系的认定依据'),
    relatedPartyQuestions: [],
  };
}

const placeholderPeriod: Period = { from: placeholderDate, to: placeholderDate };

function draftDates(facts: GuideFacts, notes: DraftNotes): Profile['dates'] {
  const reviewDays = facts.reviewWorkingDays;
  if (reviewDays) notes.quote('dates.reviewWorkingDays', reviewDays.quote);
  else notes.fill('dates.reviewWorkingDays', '指南“核准时限”中没有找到“N个工作日”，已填占位的 1，请按指南填写。');
  return {
    timeZone: 'Asia/Shanghai',
    utcOffset: '+08:00',
    serviceWindow: draftFound(
      facts.serviceWindow,
      'dates.serviceWindow',
      '服务（项目实施）期间',
      placeholderPeriod,
      notes,
    ),
    onlineFiling: draftFound(facts.onlineFiling, 'dates.onlineFiling', '网络填报受理时间', placeholderPeriod, notes),
    paperFiling: draftFound(facts.paperFiling, 'dates.paperFiling', '书面材料受理时间', placeholderPeriod, notes),
    resultValidUntil: draftFound(facts.validUntil, 'dates.resultValidUntil', '有效期限', placeholderDate, notes),
    reviewWorkingDays: reviewDays?.value ?? 1,
  };
}

function draftPaper(facts: GuideFacts, notes: DraftNotes): Profile['submission']['paper'] {
  const paper = facts.paper;
  if (!paper)
    notes.fill(
      'submission.paper',
      '指南中没有找到纸质材料的要求（A4、正反面、页码、装订），已按常见做法填了占位值，请按指南填写。',
    );
  else notes.quote('submission.paper', paper.quote);
  if (paper && !paper.value.a4)
    notes.decide('submission.paper.paperSize', '指南没有写 A4 纸：格式 v1 只能记 A4，请按指南核对。');
  if (paper && !paper.value.binding)
    notes.decide('submission.paper.binding', '指南没有写装订方式，暂记为胶装，请确认。');
  const p = paper?.value;
  return {
    paperSize: 'A4',
    duplex: p?.duplex ?? true,
    copies: p?.copies ?? 1,
    sealEveryMaterial: p?.sealEveryMaterial ?? true,
    crossPageSealWhenMultiPage: p?.crossPageSeal ?? true,
    pageNumbers: {
      continuous: p?.continuousPageNumbers ?? true,
      skipBlank: p?.skipBlankPages ?? true,
      includeCover: p?.numberCover ?? true,
    },
    binding: p?.binding ?? 'perfect',
    quote: paper?.quote ?? placeholderText('指南中纸质材料要求的原文'),
  };
}

function draftAppointment(facts: GuideFacts, notes: DraftNotes): Profile['submission']['appointment'] {
  const a = facts.appointment;
  if (!a) {
    notes.fill(
      'submission.appointment',
      '指南中没有找到预约方式（如“i深圳”APP 的【办事预约】—…），已填占位内容，请填写。',
    );
    return { app: placeholderText('预约所用的 APP'), steps: [placeholderText('预约步骤')], note: '' };
  }
  notes.quote('submission.appointment', a.quote);
  if (!a.value.app) notes.fill('submission.appointment.app', '指南没有写预约所用的 APP，已填占位内容，请填写。');
  if (a.value.steps.length === 0)
    notes.fill('submission.appointment.steps', '指南没有写预约的操作步骤，已填占位内容，请填写。');
  return {
    app: a.value.app ?? placeholderText('预约所用的 APP'),
    steps: a.value.steps.length > 0 ? a.value.steps : [placeholderText('预约步骤')],
    note: a.value.note,
  };
}

function draftSubmission(facts: GuideFacts, notes: DraftNotes): Profile['submission'] {
  facts.phones.forEach((p) => notes.quote('submission.phones', p.quote));
  if (facts.phones.length === 0) notes.fill('submission.phones', '指南中没有找到咨询电话，已填占位内容，请填写。');
  if (facts.route) notes.quote('submission.onlineRoute', facts.route.quote);
  else
    notes.fill(
      'submission.onlineRoute',
      '指南“六、项目的申报登录路径”中没有找到用“——”连接的路径，已填占位内容，请填写。',
    );
  if (facts.process) notes.quote('submission.process', facts.process.quote);
  return {
    paper: draftPaper(facts, notes),
    authority: stated(facts.authority, 'submission.authority', '受理机关', notes),
    window: stated(facts.place, 'submission.window', '受理地点', notes),
    appointment: draftAppointment(facts, notes),
    phones:
      facts.phones.length > 0
        ? facts.phones.map((p) => p.value)
        : [{ purpose: placeholderText('咨询'), number: placeholderText('电话') }],
    onlineRoute: facts.route?.value ?? [placeholderText('申报系统的登录路径')],
    process: facts.process?.value ?? [],
  };
}

function draftBasis(facts: GuideFacts, notes: DraftNotes): string[] {
  facts.basis.forEach((b) => notes.quote('basis', b.quote));
  if (facts.basis.length > 0) return facts.basis.map((b) => b.value);
  notes.fill('basis', '指南“二、设定依据”中没有找到编号的文件，已填占位内容，请填写。');
  return [placeholderText('设定依据')];
}

function draftSharedContacts(facts: GuideFacts, notes: DraftNotes): Profile['sharedContacts'] {
  if (facts.sharedContacts) {
    notes.quote('sharedContacts', facts.sharedContacts.quote);
    return { forbidWithinYear: true, quote: facts.sharedContacts.quote };
  }
  notes.decide('sharedContacts', '指南没有写“同一联系人、同一联系电话”的限制，已记为不限制，请确认。');
  return { forbidWithinYear: false, quote: placeholderText('指南没有写联系人限制') };
}

/** Maps the guide's facts onto a profile of format v1 and lists what a person must still fill or decide. */
export function toProfileV1(facts: GuideFacts): ProfileDraft {
  const notes = new DraftNotes();
  if (facts.year === undefined) notes.fill('year', '指南标题中没有年份，已填占位的 2000，请填写。');
  notes.quote('guideTitle', facts.guideTitle || undefined);
  notes.fill('id', '方案 id 需要人来定（只用小写字母、数字和连字符，不能与已有方案重名），已填占位的 id。');
  facts.unknownHeadings.forEach((h) => notes.decide('trace', `标题“${h}”不是模板中的章节，内容没有读取，请人工核对。`));
  if (facts.category) notes.quote('trace', facts.category.quote);
  const profile: Profile = {
    schemaVersion: 1,
    id: `draft-${facts.year ?? 2000}`,
    title: shortTitle(facts, notes),
    guideTitle: facts.guideTitle || placeholderText('指南标题'),
    issuer: stated(facts.authority, 'issuer', '发布（受理）机关', notes),
    basis: draftBasis(facts, notes),
    year: facts.year ?? 2000,
    applicant: draftApplicant(facts, notes),
    materials: draftMaterials(facts, notes),
    conditions: draftConditions(facts, notes),
    funding: draftFunding(facts, notes),
    contract: draftContract(facts, notes),
    dates: draftDates(facts, notes),
    submission: draftSubmission(facts, notes),
    sharedContacts: draftSharedContacts(facts, notes),
    trace: [],
  };
  profile.trace = notes.trace();
  if (profile.trace.length === 0) profile.trace = [{ quote: placeholderText('指南原文'), encodedAt: ['guideTitle'] }];
  return { profile, gaps: notes.gaps };
}
