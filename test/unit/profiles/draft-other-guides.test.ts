/**
 * Drafts from guide texts of our own in the same template (test/fixtures/guides): other titles, dates, amounts,
 * materials and heading slips, so that the draft does not hang on the 2025 guide's wording.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftProfile, type DraftGap } from '#shared/profiles/draft/index.ts';
import { parseProfile } from '#shared/profiles/index.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/guides/${name}`, import.meta.url), 'utf8');
const gapAt = (gaps: DraftGap[], path: string) => gaps.find((g) => g.path === path);

describe('a draft of a 语料券 guide (2026, "5、" heading, one cap only)', () => {
  const { profile, gaps } = draftProfile(fixture('corpus-voucher-2026.zh.txt'));

  it('is a valid profile named after the guide', () => {
    expect(parseProfile(profile)).toMatchObject({ ok: true });
    expect(profile).toMatchObject({ year: 2026, title: '2026年打造人工智能先锋城市项目扶持计划语料券（申领）' });
  });

  it('reads "不超过合同金额的30%，最高不超过200万元" as 30 % of the contract and one hard cap, no soft cap', () => {
    expect(profile.tracks).toHaveLength(1);
    expect(profile.tracks[0]).toMatchObject({ ratePercent: 30, base: 'contract-amount' });
    expect(profile.tracks[0]!.caps).toEqual([
      { yuan: 2_000_000, scope: 'company-year', kind: 'hard', quote: '最高不超过200万元' },
    ]);
    expect(gapAt(gaps, 'tracks.main.caps')?.message).toContain('适用范围');
    expect(profile.tracks[0]!.costPeriod).toEqual({ from: '2025-09-01', to: '2026-12-31' });
    expect(profile.tracks[0]!.eligibleCostKinds!.map((k) => k.label)).toEqual([
      '数据集采购费用',
      '数据标注服务费用',
      '语料清洗服务费用',
    ]);
  });

  it('lists the six materials under “5、 项目的申报材料”, with the exemption of the payment vouchers', () => {
    expect(profile.materials.map((m) => [m.group, m.title])).toEqual([
      ['common', '通过申报系统打印的资助项目申请书'],
      ['common', '申报单位上年度财务审计报告'],
      ['common', '所提供材料真实性承诺书'],
      ['special', '申报单位与已入库语料服务机构签订的服务合同（协议）复印件'],
      ['special', '语料采购付款凭证'],
      ['special', '语料使用情况说明'],
    ]);
    expect(profile.materials[4]!.quote).toBe('语料采购付款凭证（复印件；已在市数据交易所登记交易的，无需提交）');
    expect(profile.materials[4]!.requirement).toMatchObject({
      kind: 'exemptible',
      exemptions: [{ label: '已在市数据交易所登记交易' }],
    });
  });

  it('numbers the conditions 基础条件（一）… 专项条件（二）', () => {
    expect(profile.conditions.map((c) => c.number)).toEqual([
      '基础条件（一）',
      '基础条件（二）',
      '基础条件（三）',
      '专项条件（一）',
      '专项条件（二）',
    ]);
    expect(profile.conditions[4]!.quote).toBe('所购语料用于人工智能模型训练或应用开发');
  });

  it('names the programme, the voucher and the cost as the guide does', () => {
    expect(profile.words).toEqual({
      programme: '语料券',
      grant: '语料券',
      cost: '语料购买费用',
      onlineSystem: '广东政务服务网',
    });
  });

  it('drafts the service contract with a listed 语料服务机构, no related-party or filing rule', () => {
    expect(profile.agreements).toEqual([
      expect.objectContaining({
        kind: 'model-service',
        roles: { applicant: '申报单位', counterparty: '语料服务机构' },
        requireListedProvider: true,
        forbidRelatedParty: false,
        requireModelFiling: false,
        servicePeriod: { from: '2025-09-01', to: '2026-12-31' },
      }),
    ]);
    expect(profile.agreements[0]!.relatedPartyBasis).toBeUndefined();
  });

  it('reads times in minutes, a second date without its year and "24时" as the end of that day', () => {
    expect(profile.dates).toMatchObject({
      onlineFiling: { from: '2026-03-02T09:00', to: '2026-03-20T17:30' },
      paperFiling: { from: '2026-03-02', to: '2026-04-03' },
      resultValidUntil: '2027-06-30',
      reviewWorkingDays: 60,
    });
  });

  it('reads the place, two policy numbers with one area code, the appointment and the route', () => {
    expect(profile.submission.window).toBe('深圳市南山区南海大道2688号南山区政务服务中心1楼综合窗口');
    expect(profile.submission.phones).toEqual([
      { purpose: '政策咨询', number: '0755-88100001' },
      { purpose: '政策咨询', number: '0755-88100002' },
      { purpose: '技术支持', number: '0755-26000000' },
    ]);
    expect(profile.submission.appointment).toEqual({
      app: 'i深圳',
      steps: ['办事预约', '深圳市', '南山区政务服务中心', '在线预约'],
      note: '请提前一个工作日预约。',
    });
    expect(profile.submission.onlineRoute!.at(-1)).toBe('选择“语料券（申领）项目”事项办理申请');
  });

  it('reads the paper sentence: two copies, no cross-page seal, the cover not numbered, stapled', () => {
    expect(profile.paper).toMatchObject({
      size: 'A4',
      copies: 2,
      duplex: true,
      sealEveryMaterial: true,
      crossPageSealWhenMultiPage: false,
      numbering: { continuous: true, skipBlank: false, cover: false },
      binding: 'staple',
      quote: '以上材料均需加盖申报单位公章；一式两份，A4纸双面打印，连续编写页码，左侧装订。',
    });
  });

  it('asks a person about the shared-contact rule the guide does not state', () => {
    expect(profile.sharedContacts).toBeUndefined();
    expect(gapAt(gaps, 'sharedContacts')?.placeholder).toBe(false);
  });
});

describe('a draft of an application-demonstration guide (two-line title, "7、" heading, a period across the new year)', () => {
  const { profile, gaps } = draftProfile(fixture('application-demo-2026.zh.txt'));

  it('is a valid profile', () => {
    expect(parseProfile(profile)).toMatchObject({ ok: true });
    expect(profile.guideTitle).toBe(
      '深圳市工业和信息化局2026年打造人工智能先锋城市项目扶持计划人工智能应用示范项目申请指南',
    );
  });

  it('reads 30 % of the actual investment, a soft cap of 150万元 and a hard cap of 200万元 per project', () => {
    expect(profile.tracks[0]).toMatchObject({ ratePercent: 30, base: 'investment' });
    expect(profile.tracks[0]!.caps.map(({ yuan, scope, kind }) => ({ yuan, scope, kind }))).toEqual([
      { yuan: 2_000_000, scope: 'project', kind: 'hard' },
      { yuan: 1_500_000, scope: 'project', kind: 'soft' },
    ]);
    expect(profile.trace.find((t) => t.encodedAt.includes('tracks.main.ratePercent'))?.quote).toBe(
      '按不超过项目实际投资额的30%给予资助',
    );
    expect(profile.words).toMatchObject({ programme: '人工智能应用示范', grant: '资助', cost: '项目实际投资' });
  });

  it('asks a person about the benchmark project’s cap', () => {
    expect(gapAt(gaps, 'tracks.main.caps')).toMatchObject({ placeholder: false });
    expect(gapAt(gaps, 'tracks.main.caps')!.message).toContain('经认定为标杆项目的，最高不超过1000万元');
  });

  it('points at a numeric threshold among the conditions, for a person to make it a threshold test', () => {
    expect(profile.conditions[2]!.test).toEqual(expect.objectContaining({ kind: 'question', answeredBy: 'question' }));
    expect(gapAt(gaps, 'conditions.2.test')?.message).toContain('实际投资不低于500万元');
  });

  it('drafts no contract rule when the conditions name no contract', () => {
    expect(profile.agreements).toEqual([]);
    expect(gapAt(gaps, 'agreements')).toMatchObject({ placeholder: false });
  });

  it('notes the 原件 a material must be, for a person to set its form', () => {
    expect(gapAt(gaps, 'materials.4.form')?.message).toContain('原件');
    expect(profile.materials[4]!.form).toBeUndefined();
  });

  it('lists the materials with the 原件 note kept apart from the title', () => {
    expect(profile.materials.map((m) => [m.group, m.title])).toEqual([
      ['common', '资助项目申请书'],
      ['common', '申报单位营业执照'],
      ['special', '项目投资明细表及发票复印件'],
      ['special', '项目验收报告'],
      ['special', '项目用户使用证明'],
    ]);
    expect(profile.materials[4]!.quote).toBe('项目用户使用证明（原件）');
  });

  it('moves a second date without its year into the next year', () => {
    expect(profile.dates).toMatchObject({
      onlineFiling: { from: '2026-12-14', to: '2027-01-08T18:00' },
      paperFiling: { from: '2026-12-21', to: '2027-01-22T17:00' },
      resultValidUntil: '2027-12-31',
      reviewWorkingDays: 45,
    });
  });

  it('reads a mobile number and two numbers sharing an area code', () => {
    expect(profile.submission.phones).toEqual([
      { purpose: '联系', number: '0755-83070001' },
      { purpose: '联系', number: '0755-83070002' },
      { purpose: '技术支持', number: '13800138000' },
    ]);
  });

  it('leaves out what the guide does not say and lists it in the gaps: cost period, appointment, budget note', () => {
    for (const path of ['tracks.main.costPeriod', 'submission.appointment', 'tracks.main.budgetNote']) {
      expect(gapAt(gaps, path), path).toMatchObject({ placeholder: false });
    }
    expect(profile.tracks[0]!.costPeriod).toBeUndefined();
    expect(profile.tracks[0]!.budgetNote).toBeUndefined();
    expect(profile.submission.appointment).toBeUndefined();
    expect(profile.submission.process).toBeUndefined();
  });

  it('keeps the shared-contact rule with its words', () => {
    expect(profile.sharedContacts).toEqual({
      forbidWithinYear: true,
      quote: '如发现同一年度内不同单位使用同一联系人、同一联系电话的，不予受理',
    });
  });
});

describe('a draft of a 首版次软件 guide with two claimants, each with its own rate and cap', () => {
  const { profile, gaps } = draftProfile(fixture('first-version-software-2026.zh.txt'));

  it('is a valid profile with one track per claimant, in the guide’s order', () => {
    expect(parseProfile(profile)).toMatchObject({ ok: true });
    expect(profile.tracks.map((t) => [t.id, t.label, t.ratePercent, t.base])).toEqual([
      ['track-1', '软件企业', 30, 'contract-amount'],
      ['track-2', '用户单位', 10, 'contract-amount'],
    ]);
  });

  it('gives each track its own hard cap per project, quoted from its own sentence', () => {
    expect(profile.tracks.map((t) => t.caps.map(({ yuan, scope, kind }) => ({ yuan, scope, kind })))).toEqual([
      [{ yuan: 10_000_000, scope: 'project', kind: 'hard' }],
      [{ yuan: 1_000_000, scope: 'project', kind: 'hard' }],
    ]);
    expect(profile.tracks[1]!.quote).toBe(
      '对用户单位，按首版次软件购买合同金额的10%给予资助，每个项目最高不超过100万元',
    );
    expect(profile.trace.find((t) => t.encodedAt.includes('tracks.track-1.ratePercent'))?.quote).toBe(
      '对软件企业，按不超过首版次软件首年销售合同金额的30%给予资助，每个项目最高不超过1000万元',
    );
  });

  it('asks a person who claims under each track', () => {
    for (const [id, claimant] of [
      ['track-1', '软件企业'],
      ['track-2', '用户单位'],
    ]) {
      expect(gapAt(gaps, `tracks.${id}.claimants`)).toMatchObject({ placeholder: false });
      expect(gapAt(gaps, `tracks.${id}.claimants`)!.message).toContain(`“${claimant}”`);
    }
    expect(profile.tracks.every((t) => t.claimants === undefined)).toBe(true);
  });

  it('keeps one track for the guides that give one rule for every applicant', () => {
    for (const name of ['application-demo-2026.zh.txt', 'corpus-voucher-2026.zh.txt'])
      expect(draftProfile(fixture(name)).profile.tracks.map((t) => t.id)).toEqual(['main']);
  });
});
