/**
 * The draft from the 2025 guide, compared field by field with the profile written by hand for it (the shipped v2
 * profile), and filled in as a person would to show it then imports.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftProfile } from '#shared/profiles/draft/index.ts';
import { parseProfile, type Profile } from '#shared/profiles/index.ts';

const guide = readFileSync(
  new URL('../../../shared/profiles/guides/sz-model-voucher-2025.zh.txt', import.meta.url),
  'utf8',
);
const shipped = JSON.parse(
  readFileSync(new URL('../../../shared/profiles/sz-model-voucher-2025.json', import.meta.url), 'utf8'),
) as Profile;
const { profile, gaps } = draftProfile(guide);

/** The paths of every stand-in text (【待填写】…) in the drafted profile. */
function placeholderPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return value.startsWith('【待填写】') ? [path.join('.')] : [];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => placeholderPaths(v, [...path, k]));
  return [];
}

describe('a draft of the 2025 模型券 guide', () => {
  it('is a valid profile of format v2', () => {
    expect(profile.schemaVersion).toBe(2);
    expect(parseProfile(profile)).toMatchObject({ ok: true });
  });

  it('lists every material of 五 in the guide’s order, group and words', () => {
    const pick = (m: { group: string; quote: string }) => ({ group: m.group, quote: m.quote });
    expect(profile.materials.map(pick)).toEqual(shipped.materials.map(pick));
    expect(profile.materials.map((m) => m.title)).toEqual([
      '通过申报系统打印的资助项目申请书',
      '申报单位营业执照',
      '申报单位近两年的财务审计报告或财务报表',
      '深圳信用网（https://www.szcredit.org.cn）查询下载的完整版信用报告',
      '所提供材料真实性承诺书',
      '项目涉及科技伦理敏感领域，或存在科技安全等风险的，需按国家有关法律法规和伦理监管政策提供相关材料',
      '申报单位与非关联方已入库模型服务机构签订的服务合同（协议）复印件',
      '申报项目建设方案',
    ]);
  });

  it('keeps the licence’s exemption and the ethics material’s condition as the shipped profile does', () => {
    const licence = profile.materials[1]!.requirement;
    const shippedLicence = shipped.materials[1]!.requirement;
    expect(licence.kind).toBe('exemptible');
    if (licence.kind !== 'exemptible' || shippedLicence.kind !== 'exemptible') throw new Error('not exemptible');
    expect(licence.exemptions.map((e) => [e.label, e.quote])).toEqual(
      shippedLicence.exemptions.map((e) => [e.label, e.quote]),
    );
    expect(profile.materials[5]!.requirement).toEqual(shipped.materials[5]!.requirement);
  });

  it('drafts the 基础条件 with the shipped numbers and quotes', () => {
    const basic = (list: typeof profile.conditions) =>
      list.filter((c) => c.group === 'basic').map((c) => [c.number, c.quote]);
    expect(basic(profile.conditions)).toEqual(basic(shipped.conditions));
  });

  // The shipped profile splits 专项条件（一） into four rows and leaves （三） (ways of deployment) to the trace; the draft
  // keeps each numbered condition whole. What compares: every shipped row lies inside the drafted condition of its number.
  it('keeps each 专项条件 whole, containing the shipped profile’s rows of that number', () => {
    const special = profile.conditions.filter((c) => c.group === 'special');
    expect(special.map((c) => c.number)).toEqual(['专项条件（一）', '专项条件（二）', '专项条件（三）']);
    for (const row of shipped.conditions.filter((c) => c.group === 'special')) {
      expect(special.find((c) => c.number === row.number)!.quote).toContain(row.quote);
    }
  });

  it('reads the rate, its base, the caps with their scope, the cost scope and the budget note of 三', () => {
    const [track] = profile.tracks;
    const [shippedTrack] = shipped.tracks;
    const { ratePercent, base, mode, budgetNote, quote, costPeriod } = shippedTrack!;
    expect(profile.tracks).toHaveLength(1);
    expect(track).toMatchObject({ ratePercent, base, mode, budgetNote, quote, costPeriod });
    const caps = (t: Profile['tracks'][number]) => t.caps.map(({ yuan, scope, kind }) => ({ yuan, scope, kind }));
    expect(caps(track!)).toEqual(caps(shippedTrack!));
    expect(track!.caps[0]!.quote).toBe('单家企业每年申领“模型券”额度原则上不超过100万元，最高不超过200万元');
    expect(track!.eligibleCostKinds!.map((k) => k.label)).toEqual([
      '模型订阅或API调用费用',
      '模型服务平台和智能体应用开发工具使用费用',
    ]);
  });

  it('reads the programme’s words: its name from the title, the voucher word and the cost word', () => {
    expect(profile.words).toEqual(shipped.words);
  });

  it('reads the paper sentence: A4 with exceptions left to a person, duplex, the cover numbered, sealed, bound', () => {
    expect(profile.paper).toEqual(shipped.paper);
    expect(profile.paper.sizeExceptions).toBeUndefined();
    expect(gaps.find((g) => g.path === 'paper.sizeExceptions')?.message).toContain('特殊规定的除外');
  });

  it('drafts the model-service contract from 专项条件 with the shipped rules', () => {
    const [agreement] = profile.agreements;
    const { kind, requireListedProvider, forbidRelatedParty, requireModelFiling, servicePeriod } =
      shipped.agreements[0]!;
    expect(profile.agreements).toHaveLength(1);
    expect(agreement).toMatchObject({
      kind,
      requireListedProvider,
      forbidRelatedParty,
      requireModelFiling,
      servicePeriod,
      roles: { counterparty: '模型服务机构' },
    });
    expect(shipped.agreements[0]!.relatedPartyBasis).toContain(agreement!.relatedPartyBasis);
  });

  it('reads the filing periods with their times, the validity and the review days', () => {
    expect(profile.dates).toEqual(shipped.dates);
  });

  it('reads the place, the authority, the phones, the appointment, the online route and the process', () => {
    const { window, authority, phones, onlineRoute, process } = shipped.submission;
    expect(profile.submission).toMatchObject({ window, authority, phones, onlineRoute, process });
    expect(profile.submission.appointment).toMatchObject({
      app: 'i深圳',
      steps: shipped.submission.appointment!.steps,
      note: '请按照预约时段提交材料。',
    });
    expect(profile.issuer).toBe(shipped.issuer);
  });

  it('reads the guide title, the basis, the year and the shared-contact rule', () => {
    expect(profile).toMatchObject({
      guideTitle: shipped.guideTitle,
      basis: shipped.basis,
      year: 2025,
      sharedContacts: shipped.sharedContacts,
    });
  });

  it('traces every drafted field to words that stand in the guide', () => {
    const flat = guide.replace(/\s+/g, '');
    for (const entry of profile.trace)
      expect(flat, entry.encodedAt.join(', ')).toContain(entry.quote.replace(/\s+/g, ''));
    const traced = profile.trace.flatMap((t) => t.encodedAt);
    for (const path of [
      'dates.onlineFiling',
      'dates.paperFiling',
      'submission.window',
      'submission.phones',
      'tracks.main.ratePercent',
      'tracks.main.caps',
      'words.programme',
      'words.grant',
      'words.cost',
      'paper',
      'agreements.service-contract',
      'materials.7',
      'conditions.9',
    ]) {
      expect(traced).toContain(path);
    }
  });

  it('lists every stand-in value among the gaps, and says what to do in Chinese', () => {
    const placeholderGaps = gaps.filter((g) => g.placeholder).map((g) => g.path);
    for (const path of placeholderPaths(profile)) {
      expect(
        placeholderGaps.some((g) => path === g || path.startsWith(`${g}.`)),
        path,
      ).toBe(true);
    }
    expect(placeholderGaps).toContain('id');
    expect(placeholderGaps).toContain('materials.0');
    for (const gap of gaps) expect(gap.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(gaps.find((g) => g.path === 'conditions.7.test.answeredBy')?.message).toContain('contract.serviceWindow');
  });

  it('imports once a person fills its stand-ins, as the JSON file would be edited', () => {
    const filled = JSON.parse(JSON.stringify(profile)) as Profile;
    filled.id = 'sz-model-voucher-2025-draft';
    filled.applicant.region = structuredClone(shipped.applicant.region);
    filled.materials.forEach((m, i) => {
      const { id, description, source, help, fileKinds } = shipped.materials[i]!;
      Object.assign(m, { id, description, source, help, fileKinds });
    });
    expect(placeholderPaths(filled)).toEqual([]);
    const result = parseProfile(filled);
    if (!result.ok) throw new Error(result.error);
    expect(result.value.materials.map((m) => [m.id, m.group, m.quote])).toEqual(
      shipped.materials.map((m) => [m.id, m.group, m.quote]),
    );
    expect(result.value.tracks[0]!.caps.map((c) => c.yuan)).toEqual([2_000_000, 1_000_000]);
  });

  it('is refused while a filled-in field breaks the format, naming the field in Chinese', () => {
    const broken = JSON.parse(JSON.stringify(profile)) as Profile;
    broken.id = '模型券 草稿';
    const result = parseProfile(broken);
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toContain('方案 id 只用小写字母、数字和连字符');
  });
});
