/**
 * Maps the guide's materials and conditions onto the profile format.
 */
import type { ProfileCondition, ProfileMaterial } from '../schema.ts';
import { placeholderText, type DraftNotes } from './draft-notes.ts';
import type { ConditionFact, GuideFacts, MaterialFact, PaperFact } from './facts.ts';

function requirementOf(m: MaterialFact, path: string, notes: DraftNotes): ProfileMaterial['requirement'] {
  if (m.exemptions.length > 0) {
    m.exemptions.forEach((e) => notes.quote(`${path}.requirement`, e.quote));
    notes.decide(
      `${path}.requirement.exemptions`,
      `材料“${m.title}”的免交情形 id 为起草时编号，请改成有意义的 id 并核对免交说明。`,
    );
    return {
      kind: 'exemptible',
      exemptions: m.exemptions.map((e, i) => ({ id: `exemption-${i + 1}`, label: e.value, quote: e.quote })),
    };
  }
  if (m.requiredWhen) {
    notes.quote(`${path}.requirement`, m.requiredWhen.quote);
    return { kind: 'conditional', when: m.requiredWhen.value, quote: m.requiredWhen.quote };
  }
  return { kind: 'required' };
}

/** A note that says 原件 or 复印件: what the paper must be is for a person to set (`form`), with its quote. */
function noteForm(m: MaterialFact, path: string, notes: DraftNotes): void {
  const form = /原件/.test(m.note ?? '') ? '原件（original）' : /复印件/.test(m.quote) ? '复印件（copy）' : undefined;
  if (!form) return;
  notes.decide(
    `${path}.form`,
    `材料“${m.title}”注明了${form}：是否在 form 中记下（是否须核对原件、由谁签字、几份）需要人来决定。`,
  );
}

function materialOf(m: MaterialFact, index: number, paper: PaperFact | undefined, notes: DraftNotes): ProfileMaterial {
  const path = `materials.${index}`;
  notes.quote(path, m.quote);
  if (m.group === 'unknown')
    notes.decide(
      `${path}.group`,
      `材料“${m.title}”所在的“${m.groupLabel || '（无标题）'}”分不出是共性还是专项材料，暂记为共性，请确认。`,
    );
  notes.fill(
    path,
    `材料“${m.title}”：id、说明（description）、来源（source）、给经办人的提示（help）和可收的文件类型（fileKinds）指南没有写，已填占位内容，请逐项填写。`,
  );
  noteForm(m, path, notes);
  return {
    id: `${m.group === 'special' ? 'special' : 'common'}-${index + 1}`,
    group: m.group === 'special' ? 'special' : 'common',
    title: m.title,
    quote: m.quote,
    description: placeholderText(m.note ? `${m.title}（${m.note}）` : m.title),
    source: placeholderText('从哪里取得这份材料'),
    requirement: requirementOf(m, path, notes),
    fileKinds: ['pdf'],
    seal: { official: paper?.sealEveryMaterial ?? true, crossPageWhenMultiPage: paper?.crossPageSeal ?? true },
    help: placeholderText('告诉经办人怎样准备这份材料'),
  };
}

/** The materials of 五, in the guide's order. */
export function draftMaterials(facts: GuideFacts, notes: DraftNotes): ProfileMaterial[] {
  if (facts.materials.length === 0) {
    notes.fill('materials', '指南“五、项目的申报材料”中没有找到编号的材料（（一）……），请手工列出材料。');
    return [
      materialOf(
        {
          group: 'common',
          groupLabel: '',
          number: '（一）',
          title: placeholderText('材料名称'),
          note: undefined,
          quote: placeholderText('指南原文'),
          exemptions: [],
          requiredWhen: undefined,
        },
        0,
        facts.paper?.value,
        notes,
      ),
    ];
  }
  return facts.materials.map((m, i) => materialOf(m, i, facts.paper?.value, notes));
}

/** The contract rules a special condition reads like it is checked by; a person confirms. */
function contractRuleHints(quote: string): string[] {
  const hints: [RegExp, string][] = [
    [/已入库/, '服务机构已入库（contract.providerListed）'],
    [/期间开展|\d{4}年\d{1,2}月\d{1,2}日至/, '服务期间（contract.serviceWindow）'],
    [/不构成关联|非关联/, '关联方（contract.relatedParty）'],
  ];
  return hints.filter(([words]) => words.test(quote)).map(([, hint]) => hint);
}

/** "成立满1年", "实际投资不低于500万元", "占比不低于30%", "2000万元以上": a number a rule could test. */
const thresholdWords =
  /[^，。；、]{0,12}(?:满\s*\d+(?:\.\d+)?\s*年|(?:不低于|不少于|达到|超过)\s*\d+(?:\.\d+)?\s*(?:亿元|万元|元|人|%|％|年)|\d+(?:\.\d+)?\s*(?:亿元|万元|人)以上)/;

function conditionOf(c: ConditionFact, index: number, notes: DraftNotes): ProfileCondition {
  const path = `conditions.${index}`;
  const group = c.group === 'special' ? 'special' : 'basic';
  notes.quote(path, c.quote);
  notes.decide(
    path,
    `${c.number}：id、问题（question）和答“否”的后果（noMeans）为按原文起草，请改写成经办人能回答的是/否问题。`,
  );
  const hints = group === 'special' ? contractRuleHints(c.quote) : [];
  if (hints.length > 0) {
    const split = hints.length > 1 ? '；这一条涉及几项，每条只能有一个来源，可拆成几条' : '';
    notes.decide(
      `${path}.test.answeredBy`,
      `${c.number}涉及${hints.join('、')}：是否改由合同规则核查（test.answeredBy）需要人来决定${split}。`,
    );
  }
  const threshold = thresholdWords.exec(c.quote)?.[0];
  if (threshold)
    notes.decide(
      `${path}.test`,
      `${c.number}写了数字门槛“${threshold}”：可改写成按申报单位数据判断的 threshold（成立年数、收入、人数、占比），请决定。`,
    );
  if (c.group === 'unknown')
    notes.decide(
      `${path}.group`,
      `“${c.groupLabel || '（无标题）'}”分不出是基础条件还是专项条件，暂记为基础条件，请确认。`,
    );
  const question = `是否符合${c.number}：${c.quote}？`;
  return {
    id: `${group}-${index + 1}`,
    group,
    number: c.number,
    quote: c.quote,
    question,
    noMeans: `不符合${c.number}，不能申报。`,
    mandatory: true,
    test: { kind: 'question', question, answeredBy: 'question' },
  };
}

/** The conditions of 四, numbered 基础条件（一）…, 专项条件（一）…. */
export function draftConditions(facts: GuideFacts, notes: DraftNotes): ProfileCondition[] {
  if (facts.conditions.length === 0)
    notes.decide('conditions', '指南“四、项目申报条件”中没有找到编号的条件，请手工填写申报条件。');
  return facts.conditions.map((c, i) => conditionOf(c, i, notes));
}
