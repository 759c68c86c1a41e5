/**
 * What a guide of the bureau's template states, read into plain facts with the guide's words beside each. This is
 * the format-independent half of drafting: `toProfile` maps the facts onto the profile format.
 */
import { copiesOf, findCaps, findRates, workingDaysOf, type FoundCaps, type FoundRate } from './amounts.ts';
import { findClaimantFunding, type ClaimantFunding } from './claimant-funding.ts';
import { findAppointment, findPhones, routeSteps, type FoundAppointment, type FoundPhone } from './contacts.ts';
import { findDate, findPeriod, type Found, type LocalDateTime } from './dates.ts';
import { clauses, itemGroups, titleAndNote, withoutClosingPunctuation, type ItemGroup } from './items.ts';
import { sectionLines, splitGuide, type SplitGuide } from './sections.ts';

/** A value and the guide's words that state it. */
export interface Quoted<T> {
  value: T;
  quote: string;
}

export type GroupKind = 'common' | 'special' | 'unknown';

export interface MaterialFact {
  group: GroupKind;
  /** The group's label as written (共性申报材料). */
  groupLabel: string;
  number: string;
  title: string;
  note: string | undefined;
  /** The whole item as the guide writes it, without its numbering. */
  quote: string;
  /** "…的，无需提交" clauses of the note. */
  exemptions: Quoted<string>[];
  /** "项目涉及…的，需…": the condition under which it is required. */
  requiredWhen: Quoted<string> | undefined;
}

export interface ConditionFact {
  group: GroupKind;
  groupLabel: string;
  /** 基础条件（一）. */
  number: string;
  quote: string;
}

export interface PaperFact {
  /** The paper size the sentence names (A4, A3, B5), if any. */
  size: 'A4' | 'A3' | 'B5' | undefined;
  /** "A4纸（特殊规定的除外）": some materials may keep another size. */
  sizeExceptions: boolean;
  duplex: boolean;
  copies: number | undefined;
  sealEveryMaterial: boolean;
  crossPageSeal: boolean;
  continuousPageNumbers: boolean;
  skipBlankPages: boolean;
  numberCover: boolean;
  binding: 'perfect' | 'staple' | undefined;
}

export interface GuideFacts {
  guideTitle: string;
  year: number | undefined;
  /** The headings the draft could not place in the template. */
  unknownHeadings: string[];
  category: Quoted<string> | undefined;
  basis: Quoted<string>[];
  mode: Quoted<string> | undefined;
  rates: Quoted<FoundRate>[];
  caps: Quoted<FoundCaps> | undefined;
  /** One part per claimant when the guide gives each its own rate and cap; empty for one rule for all. */
  claimantFunding: ClaimantFunding[];
  costScope: Quoted<string[]> | undefined;
  budgetNote: Quoted<string> | undefined;
  /** What the money is called: a quoted “…券”, or the verb's object of "给予资助". */
  grantWord: Quoted<string> | undefined;
  /** What the counted costs are called: the subject of "…包括：". */
  costWord: Quoted<string> | undefined;
  conditions: ConditionFact[];
  serviceWindow: Quoted<Found<{ from: LocalDateTime; to: LocalDateTime }>> | undefined;
  materials: MaterialFact[];
  paper: Quoted<PaperFact> | undefined;
  route: Quoted<string[]> | undefined;
  authority: Quoted<string> | undefined;
  onlineFiling: Quoted<Found<{ from: LocalDateTime; to: LocalDateTime }>> | undefined;
  paperFiling: Quoted<Found<{ from: LocalDateTime; to: LocalDateTime }>> | undefined;
  place: Quoted<string> | undefined;
  appointment: Quoted<FoundAppointment> | undefined;
  phones: Quoted<FoundPhone>[];
  process: Quoted<string[]> | undefined;
  reviewWorkingDays: Quoted<number> | undefined;
  validUntil: Quoted<Found<LocalDateTime>> | undefined;
  sharedContacts: Quoted<true> | undefined;
}

function groupKind(label: string): GroupKind {
  if (/共性|基础|通用/.test(label)) return 'common';
  if (/专项|特定|专用/.test(label)) return 'special';
  return 'unknown';
}

const exemptionClause = /^(.+?)的?[，,]?\s*(?:无需|不需|免于|免)(?:提交|提供|报送)?$/;

function materialOf(group: ItemGroup, item: { number: string; text: string }): MaterialFact {
  const { title, note } = titleAndNote(item.text);
  const exemptions = (note ? note.split(/[；;]/) : [])
    .map((c) => c.trim())
    .filter((c) => exemptionClause.test(c))
    .map((c) => ({ value: exemptionClause.exec(c)![1]!.replace(/的$/, ''), quote: c }));
  const when = /^(.+?)的[，,]\s*(?:需|须|应|请)/.exec(title);
  return {
    group: groupKind(group.label),
    groupLabel: group.label,
    number: item.number,
    title,
    note,
    quote: item.text,
    exemptions,
    requiredWhen: when ? { value: when[1]!, quote: `${when[1]}的` } : undefined,
  };
}

function readMaterials(lines: string[]): MaterialFact[] {
  return itemGroups(lines).flatMap((g) => g.items.map((item) => materialOf(g, item)));
}

function readConditions(lines: string[]): ConditionFact[] {
  return itemGroups(lines).flatMap((g) =>
    g.items.map((item) => ({
      group: groupKind(g.label),
      groupLabel: g.label,
      number: `${g.label || '条件'}${item.number}`,
      quote: item.text,
    })),
  );
}

/** The line (or sentence) about paper: A4, 正反面, 页码. */
function readPaper(lines: string[]): Quoted<PaperFact> | undefined {
  const line = lines.find((l) => /A4|A3|B5|正反面|双面|页码|装订/i.test(l));
  if (!line) return undefined;
  const binding = /胶装/.test(line) ? 'perfect' : /订书|骑马钉|左侧装订/.test(line) ? 'staple' : undefined;
  const size = /\b(A4|A3|B5)\b/i.exec(line);
  const value: PaperFact = {
    size: size ? (size[1]!.toUpperCase() as PaperFact['size']) : undefined,
    sizeExceptions: /(?:A4|A3|B5)纸?[（(][^）)]*除外[）)]/i.test(line),
    duplex: /正反面|双面/.test(line),
    copies: copiesOf(line),
    sealEveryMaterial: /均需加盖[^，；。]*公章|逐页加盖|每份[^，；。]*加盖/.test(line),
    crossPageSeal: /骑缝/.test(line),
    continuousPageNumbers: /连续(?:编写|编制|编排|标注)?页码|连续编页/.test(line),
    skipBlankPages: /非空白页/.test(line),
    numberCover: /含封面/.test(line),
    binding,
  };
  return { value, quote: line };
}

/** The words after "标签：" in the first line that has the label, without a closing 。. */
function labelled(lines: string[], label: RegExp): Quoted<string> | undefined {
  for (const line of lines) {
    const m = new RegExp(`(?:${label.source})\\s*[：:]\\s*(.+)$`).exec(line);
    if (m)
      return {
        value: withoutClosingPunctuation(m[1]!),
        quote: withoutClosingPunctuation(line.replace(/^[（(][一二三四五六七八九十]+[）)]|^\d+[.．、]/, '')),
      };
  }
  return undefined;
}

function readFilingPeriod(lines: string[], label: RegExp): GuideFacts['onlineFiling'] {
  const line = lines.find((l) => label.test(l) && findPeriod(l));
  if (!line) return undefined;
  const period = findPeriod(line)!;
  const afterLabel = line.replace(/^\d+[.．、]\s*/, '').replace(/^[^：:]*[：:]\s*/, '');
  const sentence = afterLabel.split(/[。]/)[0]!;
  const quote = sentence.split(/[，,](?=并|且)/)[0]!;
  return { value: period, quote };
}

function readGrantWord(text: string): Quoted<string> | undefined {
  const voucher = /[“"]([^”"\s]{1,10}券)[”"]/.exec(text);
  const granted = /给予(资助|奖励|补助|补贴|支持)/.exec(text);
  const found = voucher ?? granted;
  if (!found) return undefined;
  const quote = clauses(text.replace(/\n/g, '；')).find((c) => c.includes(found[0])) ?? found[0];
  return { value: found[1]!, quote };
}

type FundingFacts = Pick<
  GuideFacts,
  'mode' | 'rates' | 'caps' | 'claimantFunding' | 'costScope' | 'budgetNote' | 'grantWord' | 'costWord'
>;

function readFunding(lines: string[]): FundingFacts {
  const text = lines.join('\n');
  const modeWords = /(事后资助|事前资助|后补助|事前补助|贷款贴息|奖励|配套资助)/.exec(text)?.[1];
  const rateClauses = clauses(text.replace(/\n/g, '；')).filter((c) => findRates(c).length > 0);
  const rates = rateClauses.flatMap((c) => findRates(c).map((r) => ({ value: r, quote: c })));
  const caps = findCaps(text);
  const scopeSentence = text
    .split(/(?<=。)|\n/)
    .find((l) => /包括[：:]/.test(l))
    ?.trim();
  const scope = scopeSentence?.slice(scopeSentence.indexOf('包括') + 3).replace(/[等。]+$/g, '');
  const budget = /[（(]([^（）()]*预算[^（）()]*)[）)]/.exec(text)?.[1];
  return {
    mode: modeWords ? { value: modeWords, quote: modeWords } : undefined,
    rates: dedupeRates(rates),
    caps: caps ? { value: caps, quote: caps.words } : undefined,
    claimantFunding: findClaimantFunding(text),
    costScope: scope
      ? {
          value: scope
            .split(/、/)
            .map((s) => s.trim())
            .filter(Boolean),
          quote: scopeSentence!,
        }
      : undefined,
    budgetNote: budget ? { value: budget, quote: budget } : undefined,
    grantWord: readGrantWord(text),
    costWord: scopeSentence ? readCostWord(scopeSentence) : undefined,
  };
}

/** "模型购买费用包括：…" → 模型购买费用. */
function readCostWord(sentence: string): Quoted<string> | undefined {
  const word = /([^，。；,;：:\s]{2,12})包括[：:]/.exec(sentence)?.[1];
  return word ? { value: word, quote: sentence } : undefined;
}

function dedupeRates(rates: Quoted<FoundRate>[]): Quoted<FoundRate>[] {
  return rates.filter(
    (r, i) => rates.findIndex((o) => o.value.percent === r.value.percent && o.value.base === r.value.base) === i,
  );
}

function readServiceWindow(conditions: ConditionFact[]): GuideFacts['serviceWindow'] {
  for (const c of conditions) {
    const period = findPeriod(c.quote);
    if (!period) continue;
    const clause = clauses(c.quote).find((cl) => cl.includes(period.words)) ?? period.words;
    return { value: period, quote: clause.replace(/^.*?(?:并且|并|且)/, '') };
  }
  return undefined;
}

function readFiling(
  guide: SplitGuide,
): Pick<GuideFacts, 'authority' | 'onlineFiling' | 'paperFiling' | 'place' | 'appointment' | 'phones'> {
  const lines = sectionLines(guide, 'filing');
  const appointmentLine = lines.find((l) => /预约/.test(l) && /【/.test(l));
  const appointment = appointmentLine ? findAppointment(appointmentLine) : undefined;
  const phones = lines.flatMap((l) =>
    findPhones(l).map((p) => ({ value: p, quote: withoutClosingPunctuation(l.replace(/^\d+[.．、]\s*/, '')) })),
  );
  return {
    authority: labelled(lines, /受理机关/),
    onlineFiling: readFilingPeriod(lines, /网络|网上|在线/),
    paperFiling: readFilingPeriod(lines, /书面|纸质/),
    place: labelled(lines, /受理地点|递交地点|受理窗口/),
    appointment: appointment
      ? {
          value: appointment,
          quote: appointmentLine!.replace(/^[（(]注[：:]\s*|^注[：:]\s*/, '').replace(/[）)]$/, ''),
        }
      : undefined,
    phones,
  };
}

function readRoute(guide: SplitGuide): Quoted<string[]> | undefined {
  const line = sectionLines(guide, 'route').find((l) => /——|—|--|→/.test(l));
  return line ? { value: routeSteps(line), quote: withoutClosingPunctuation(line) } : undefined;
}

function readResult(guide: SplitGuide): Pick<GuideFacts, 'process' | 'reviewWorkingDays' | 'validUntil'> {
  const processLine = sectionLines(guide, 'process')[0];
  const reviewLine = sectionLines(guide, 'reviewTime').find((l) => workingDaysOf(l) !== undefined);
  const validLine = sectionLines(guide, 'result').find((l) => /有效期/.test(l) && findDate(l));
  return {
    process: processLine
      ? { value: routeSteps(processLine), quote: withoutClosingPunctuation(processLine) }
      : undefined,
    reviewWorkingDays: reviewLine
      ? { value: workingDaysOf(reviewLine)!, quote: withoutClosingPunctuation(reviewLine) }
      : undefined,
    validUntil: validLine ? { value: findDate(validLine)!, quote: withoutClosingPunctuation(validLine) } : undefined,
  };
}

function readSharedContacts(guide: SplitGuide): Quoted<true> | undefined {
  const line = sectionLines(guide, 'notes').find((l) => /同一联系人|同一联系电话/.test(l));
  if (!line) return undefined;
  const sentence = /[^。；]*同一联系[人电][^。；]*/.exec(line)![0].replace(/^\s*\d+[、.．]\s*/, '');
  return { value: true, quote: sentence.replace(/^在[^，]*[，,]/, '').trim() };
}

/** Reads every fact the draft knows how to find in a guide of the bureau's template. */
export function readGuide(text: string): GuideFacts {
  const guide = splitGuide(text);
  const guideTitle = guide.titleLines.join('');
  const conditions = readConditions(sectionLines(guide, 'conditions'));
  const materialLines = sectionLines(guide, 'materials');
  const category = sectionLines(guide, 'category')[0];
  return {
    guideTitle,
    year: Number(/(20\d{2})\s*年/.exec(guideTitle)?.[1]) || undefined,
    unknownHeadings: guide.sections.filter((s) => s.key === undefined).map((s) => s.heading),
    category: category
      ? { value: withoutClosingPunctuation(category), quote: withoutClosingPunctuation(category) }
      : undefined,
    basis: itemGroups(sectionLines(guide, 'basis')).flatMap((g) =>
      g.items.map((i) => ({ value: i.text, quote: i.text })),
    ),
    ...readFunding(sectionLines(guide, 'funding')),
    conditions,
    serviceWindow: readServiceWindow(conditions.filter((c) => c.group === 'special')),
    materials: readMaterials(materialLines),
    paper: readPaper(materialLines) ?? readPaper(sectionLines(guide, 'filing')),
    route: readRoute(guide),
    ...readFiling(guide),
    ...readResult(guide),
    sharedContacts: readSharedContacts(guide),
  };
}
