/**
 * Maps the facts read from a guide onto the profile format (v2), with a gap for every field a person must fill or
 * decide. Kept apart from the reading (`facts.ts`). Optional fields stay absent when the guide does not give them;
 * a field the format needs holds a marked stand-in (【待填写】, 2000-01-01) listed in the gaps.
 */
import type { Period, Profile } from '../schema.ts';
import type { Found } from './dates.ts';
import { DraftNotes, placeholderDate, placeholderText, type DraftGap } from './draft-notes.ts';
import type { GuideFacts, Quoted } from './facts.ts';
import { draftConditions, draftMaterials } from './lists.ts';
import { draftAgreements, draftTracks } from './to-track.ts';

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

/** A stated date the format may leave out: absent (with a note) when the guide does not give a real one. */
function optionalFound<T>(found: Quoted<Found<T>> | undefined, path: string, what: string, notes: DraftNotes) {
  if (found?.value.ok) {
    notes.quote(path, found.quote);
    return found.value.value;
  }
  const why = found ? `指南中的“${found.value.words}”不是真实的日期` : '指南中没有找到';
  notes.decide(path, `${what}：${why}，草稿中没有这一项；指南确有规定的请补上。`);
  return undefined;
}

/** A stated text, or a marked stand-in with its gap. */
export function stated(found: Quoted<string> | undefined, path: string, what: string, notes: DraftNotes): string {
  if (found) {
    notes.quote(path, found.quote);
    return found.value;
  }
  notes.fill(path, `指南中没有找到${what}，已填占位内容，请填写。`);
  return placeholderText(what);
}

/** A stated text the format may leave out: absent (with a note) when the guide does not give it. */
function optionalText(found: Quoted<string> | undefined, path: string, what: string, notes: DraftNotes) {
  if (found) notes.quote(path, found.quote);
  else notes.decide(path, `指南中没有找到${what}，草稿中没有这一项；指南确有规定的请补上。`);
  return found?.value;
}

/** The guide's title without the issuer, the year's prefix and "项目申请指南". */
function titleWithoutFrame(guideTitle: string): string {
  return guideTitle.replace(/^.*?(?=20\d{2}\s*年)/, '').replace(/(?:项目)?(?:申请|申报)?指南$/, '');
}

function shortTitle(facts: GuideFacts, notes: DraftNotes): string {
  const title = titleWithoutFrame(facts.guideTitle);
  notes.decide('title', `方案名称按指南标题起草为“${title}”，请改成经办人熟悉的简称。`);
  return title || placeholderText('方案名称');
}

/** "2025年打造…扶持计划模型券（申领）" → 模型券: what follows the plan's name, without its bracket. */
function programmeName(guideTitle: string): string {
  const afterYear = titleWithoutFrame(guideTitle).replace(/^20\d{2}\s*年度?/, '');
  const afterPlan = afterYear.replace(/^.*(?:扶持计划|资助计划|计划)/, '') || afterYear;
  return afterPlan.replace(/[（(][^（）()]*[）)]$/, '').trim();
}

function draftWords(facts: GuideFacts, notes: DraftNotes): Profile['words'] {
  const programme = programmeName(facts.guideTitle);
  const programmeFound = programme ? { value: programme, quote: facts.guideTitle } : undefined;
  const grant =
    facts.grantWord ?? (programme.endsWith('券') ? { value: programme, quote: facts.guideTitle } : undefined);
  notes.decide('words', '经办人看到的称呼（项目简称、资助的叫法、费用的叫法）按指南原文起草，请确认读起来通顺。');
  const route = facts.route?.value[0];
  const onlineSystem = route && /网|系统|平台/.test(route) ? route : undefined;
  if (onlineSystem) notes.quote('words.onlineSystem', facts.route!.quote);
  return {
    programme: stated(programmeFound, 'words.programme', '项目简称（如“训力券”“首版次软件”）', notes),
    grant: stated(grant, 'words.grant', '资助的叫法（如“训力券”“资助”“奖励”）', notes),
    cost: stated(facts.costWord, 'words.cost', '计入资助的费用的叫法（如“模型购买费用”）', notes),
    ...(onlineSystem ? { onlineSystem } : {}),
  };
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

const placeholderPeriod: Period = { from: placeholderDate, to: placeholderDate };

function draftDates(facts: GuideFacts, notes: DraftNotes): Profile['dates'] {
  const reviewDays = facts.reviewWorkingDays;
  if (reviewDays) notes.quote('dates.reviewWorkingDays', reviewDays.quote);
  else notes.decide('dates.reviewWorkingDays', '指南“核准时限”中没有找到“N个工作日”，草稿中没有这一项。');
  const validUntil = optionalFound(facts.validUntil, 'dates.resultValidUntil', '有效期限', notes);
  return {
    timeZone: 'Asia/Shanghai',
    utcOffset: '+08:00',
    onlineFiling: draftFound(facts.onlineFiling, 'dates.onlineFiling', '网络填报受理时间', placeholderPeriod, notes),
    paperFiling: draftFound(facts.paperFiling, 'dates.paperFiling', '书面材料受理时间', placeholderPeriod, notes),
    ...(validUntil ? { resultValidUntil: validUntil } : {}),
    ...(reviewDays ? { reviewWorkingDays: reviewDays.value } : {}),
  };
}

function draftAppointment(facts: GuideFacts, notes: DraftNotes): Profile['submission']['appointment'] {
  const a = facts.appointment;
  if (!a) {
    notes.decide(
      'submission.appointment',
      '指南中没有找到预约方式（如“i深圳”APP 的【办事预约】—…），草稿中没有这一项。',
    );
    return undefined;
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
  if (facts.phones.length === 0) notes.decide('submission.phones', '指南中没有找到咨询电话，草稿中没有这一项。');
  if (facts.route) notes.quote('submission.onlineRoute', facts.route.quote);
  else
    notes.decide(
      'submission.onlineRoute',
      '指南“六、项目的申报登录路径”中没有找到用“——”连接的路径，草稿中没有这一项。',
    );
  if (facts.process) notes.quote('submission.process', facts.process.quote);
  const window = optionalText(facts.place, 'submission.window', '受理地点', notes);
  const appointment = draftAppointment(facts, notes);
  return {
    authority: stated(facts.authority, 'submission.authority', '受理机关', notes),
    ...(window ? { window } : {}),
    ...(appointment ? { appointment } : {}),
    ...(facts.phones.length > 0 ? { phones: facts.phones.map((p) => p.value) } : {}),
    ...(facts.route ? { onlineRoute: facts.route.value } : {}),
    ...(facts.process ? { process: facts.process.value } : {}),
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
  notes.decide('sharedContacts', '指南没有写“同一联系人、同一联系电话”的限制，草稿中没有这一项（不限制），请确认。');
  return undefined;
}

function draftPaper(facts: GuideFacts, notes: DraftNotes): Profile['paper'] {
  const paper = facts.paper;
  if (!paper)
    notes.fill(
      'paper',
      '指南中没有找到纸质材料的要求（A4、正反面、页码、装订），已按常见做法填了占位值，请按指南填写。',
    );
  else notes.quote('paper', paper.quote);
  const p = paper?.value;
  if (p && !p.size) notes.decide('paper.size', '指南没有写纸张规格，暂记为 A4，请按指南核对。');
  if (p?.sizeExceptions)
    notes.decide(
      'paper.sizeExceptions',
      '指南写了纸张规格的例外（“特殊规定的除外”）：哪些材料可用其他规格（材料 id 的列表，或 any）需要人来决定。',
    );
  if (p && !p.binding) notes.decide('paper.binding', '指南没有写装订方式，暂记为胶装，请确认。');
  notes.decide('paper.numbering.contents', '指南没有单独说目录页是否编页码，草稿按“连续编写页码”推定，请确认。');
  notes.decide('paper.officialSealOnCover', '指南没有单独说封面是否加盖公章，草稿按“材料均需加盖公章”推定，请确认。');
  const seal = p?.sealEveryMaterial ?? true;
  return {
    size: p?.size ?? 'A4',
    duplex: p?.duplex ?? true,
    copies: p?.copies ?? 1,
    numbering: {
      continuous: p?.continuousPageNumbers ?? true,
      skipBlank: p?.skipBlankPages ?? true,
      cover: p?.numberCover ?? true,
      contents: p?.continuousPageNumbers ?? true,
    },
    officialSealOnCover: seal,
    sealEveryMaterial: seal,
    crossPageSealWhenMultiPage: p?.crossPageSeal ?? true,
    binding: p?.binding ?? 'perfect',
    quote: paper?.quote ?? placeholderText('指南中纸质材料要求的原文'),
  };
}

/** Maps the guide's facts onto a profile (format v2) and lists what a person must still fill or decide. */
export function toProfile(facts: GuideFacts): ProfileDraft {
  const notes = new DraftNotes();
  if (facts.year === undefined) notes.fill('year', '指南标题中没有年份，已填占位的 2000，请填写。');
  notes.quote('guideTitle', facts.guideTitle || undefined);
  notes.fill('id', '方案 id 需要人来定（只用小写字母、数字和连字符，不能与已有方案重名），已填占位的 id。');
  facts.unknownHeadings.forEach((h) => notes.decide('trace', `标题“${h}”不是模板中的章节，内容没有读取，请人工核对。`));
  if (facts.category) notes.quote('trace', facts.category.quote);
  const title = shortTitle(facts, notes);
  const sharedContacts = draftSharedContacts(facts, notes);
  const profile: Profile = {
    schemaVersion: 2,
    id: `draft-${facts.year ?? 2000}`,
    title,
    guideTitle: facts.guideTitle || placeholderText('指南标题'),
    issuer: stated(facts.authority, 'issuer', '发布（受理）机关', notes),
    basis: draftBasis(facts, notes),
    year: facts.year ?? 2000,
    words: draftWords(facts, notes),
    applicant: draftApplicant(facts, notes),
    tracks: draftTracks(facts, title, notes),
    conditions: draftConditions(facts, notes),
    agreements: draftAgreements(facts, notes),
    materials: draftMaterials(facts, notes),
    paper: draftPaper(facts, notes),
    dates: draftDates(facts, notes),
    submission: draftSubmission(facts, notes),
    ...(sharedContacts ? { sharedContacts } : {}),
    trace: [],
  };
  profile.trace = notes.trace();
  if (profile.trace.length === 0) profile.trace = [{ quote: placeholderText('指南原文'), encodedAt: ['guideTitle'] }];
  return { profile, gaps: notes.gaps };
}
