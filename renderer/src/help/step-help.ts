/**
 * The help page of each step: what the step is for, the words it uses, and each rule it checks with the guide's
 * own sentence. Rules and quotes come from the application's profile, so next year's guide brings its own text.
 */
import type { Profile } from '#shared/profiles/index.ts';
import { isClerkQuestion, mainTrack, modelServiceAgreement } from '#shared/profiles/reading.ts';
import { lowestCap } from '#shared/rules/tracks.ts';
import type { StepId } from '../steps/steps.ts';
import { terms, type HelpTerm } from './help-terms.ts';

export interface HelpRule {
  /** The rule in plain words. */
  rule: string;
  /** The guide's sentence it comes from, word for word. */
  quote: string;
}

export interface StepHelpPage {
  intro: string;
  terms: HelpTerm[];
  rules: HelpRule[];
}

const yuan = (n: number) => `${(n / 10_000).toLocaleString('zh-CN')} 万元`;

function conditionRules(profile: Profile, ids?: string[]): HelpRule[] {
  return profile.conditions
    .filter((c) => (ids ? ids.includes(c.id) : isClerkQuestion(c)))
    .map((c) => ({ rule: `${c.number}：${c.question}`, quote: c.quote }));
}

function applicantHelp(profile: Profile): StepHelpPage {
  return {
    intro: '照营业执照填写申报单位的名称、统一社会信用代码、注册地和联系人。卷宗会当场核对信用代码的校验位和地区。',
    terms: [terms.统一社会信用代码],
    rules: [
      { rule: `申报单位须是${profile.applicant.region.label}的企业。`, quote: profile.applicant.quote },
      ...(profile.sharedContacts
        ? [{ rule: '同一年度里，不同单位不能用同一个联系人或同一个联系电话。', quote: profile.sharedContacts.quote }]
        : []),
    ],
  };
}

function conditionsHelp(profile: Profile): StepHelpPage {
  return {
    intro:
      '逐条回答指南规定的申报条件。每个问题都问成“是”表示符合；选“否”时卷宗会说明这意味着什么。拿不准的先选“不确定”，向主管部门咨询后再改。',
    terms: [],
    rules: conditionRules(profile),
  };
}

function capsText(track: ReturnType<typeof mainTrack>): string {
  const soft = lowestCap(track, 'soft');
  const hard = lowestCap(track, 'hard');
  return [soft ? `原则上不超过 ${yuan(soft.yuan)}` : '', hard ? `最高不超过 ${yuan(hard.yuan)}` : '']
    .filter(Boolean)
    .join('，');
}

function contractHelp(profile: Profile): StepHelpPage {
  const track = mainTrack(profile);
  const agreement = modelServiceAgreement(profile);
  const { grant, cost } = profile.words;
  const kinds = (track.eligibleCostKinds ?? []).map((k) => k.label).join('、');
  const caps = capsText(track);
  return {
    intro: `填写${agreement?.label ?? '合同'}和已付的${cost}。卷宗按可计入${cost}的 ${track.ratePercent}% 算出${grant}额度。`,
    terms: agreement
      ? [
          terms.入库,
          agreement.relatedPartyBasis
            ? { ...terms.关联方, meaning: `${terms.关联方.meaning}准确的定义：${agreement.relatedPartyBasis}` }
            : terms.关联方,
          terms.备案,
        ]
      : [],
    rules: [
      ...conditionRules(profile, ['listed-provider-contract', 'not-related-party', 'service-in-window', 'model-filed']),
      {
        rule: `${kinds ? `可计入的${cost}：${kinds}；` : ''}额度为${cost}的 ${track.ratePercent}%${caps ? `，${caps}` : ''}。`,
        quote: track.quote,
      },
    ],
  };
}

function materialsHelp(profile: Profile): StepHelpPage {
  return {
    intro: '为每项材料添加扫描件、照片或 PDF；与本单位无关的材料标记“不适用”，指南允许不交的标记“免交”，并写明原因。',
    terms: [terms.复印件, terms.不适用与免交],
    rules: profile.materials.map((m) => ({ rule: `${m.title}：${m.help}`, quote: m.quote })),
  };
}

function paperRule(profile: Profile): string {
  const { size, duplex, numbering } = profile.paper;
  const sides = duplex ? '正反面' : '单面';
  const numbered = numbering.cover ? '非空白页（含封面）' : '非空白页（封面除外）';
  return `全部材料 ${size} ${sides}打印，${numbered}${numbering.continuous ? '连续' : ''}编页码，装订成册。`;
}

function generateHelp(profile: Profile): StepHelpPage {
  return {
    intro:
      '点“生成卷宗”，卷宗把封面、目录和全部材料排成一份 A4 PDF，连续编页码，并标出盖公章和骑缝章的位置。生成后逐页翻看预览。',
    terms: [terms.空白背面, terms.骑缝章],
    rules: [
      {
        rule: paperRule(profile),
        quote: profile.paper.quote,
      },
    ],
  };
}

/** The guide's sentences the profile's trace table ties to one of its fields (`submission.appointment.note`). */
function tracedQuotes(profile: Profile, field: string): string[] {
  return profile.trace.filter((t) => t.encodedAt.includes(field)).map((t) => t.quote);
}

function exportHelp(profile: Profile): StepHelpPage {
  const { submission } = profile;
  const [filing] = tracedQuotes(profile, 'dates.paperFiling');
  const appointment = tracedQuotes(profile, 'submission.appointment.note');
  return {
    intro: '导出卷宗 PDF 和材料清单，按“实际大小”双面打印，按用印单盖章，然后预约到窗口递交。',
    terms: [terms.公章, terms.骑缝章, terms.用印单],
    rules: [
      { rule: '每份材料盖申报单位公章，多页的再盖骑缝章；一式一份，胶装。', quote: profile.paper.quote },
      ...(filing && submission.window ? [{ rule: `纸质材料递交到：${submission.window}。`, quote: filing }] : []),
      ...(submission.appointment
        ? appointment.map((quote) => ({
            rule: `网上预审通过后，在“${submission.appointment!.app}”预约，按预约时段递交；递交了纸质材料才算申报成功。`,
            quote,
          }))
        : []),
    ],
  };
}

const pages: Record<StepId, (profile: Profile) => StepHelpPage> = {
  applicant: applicantHelp,
  conditions: conditionsHelp,
  contract: contractHelp,
  materials: materialsHelp,
  generate: generateHelp,
  export: exportHelp,
};

export function stepHelp(step: StepId, profile: Profile): StepHelpPage {
  return pages[step](profile);
}
