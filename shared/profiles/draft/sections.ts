/**
 * Splits a guide (申请指南) of the bureau's template into its sections. The template numbers its headings 一、…十五、,
 * but real guides slip ("4、 项目申报条件", "15、 注意事项"), so a heading is recognised by its known title first and by
 * its Chinese numbering second.
 */

/** The template's sections, in the order the template lists them. */
export const templateSections = [
  { key: 'category', title: '资助的项目类别', pattern: /项目类别/ },
  { key: 'basis', title: '设定依据', pattern: /设定依据/ },
  { key: 'funding', title: '资助的方式和标准以及费用范围', pattern: /资助的方式|资助方式|资助标准/ },
  { key: 'conditions', title: '项目申报条件', pattern: /申报条件/ },
  { key: 'materials', title: '项目的申报材料', pattern: /申报材料/ },
  { key: 'route', title: '项目的申报登录路径', pattern: /登录路径|申报路径|申报途径/ },
  { key: 'filing', title: '项目申请受理机关与时间', pattern: /受理机关|受理时间/ },
  { key: 'approver', title: '资助核准机关', pattern: /核准机关/ },
  { key: 'process', title: '核准流程', pattern: /核准流程|审核流程/ },
  { key: 'reviewTime', title: '核准时限', pattern: /核准时限|审核时限/ },
  { key: 'result', title: '核准结果及有效期限', pattern: /核准结果|有效期限/ },
  { key: 'legalEffect', title: '证件的法律效力', pattern: /法律效力/ },
  { key: 'fees', title: '收费', pattern: /^收费$/ },
  { key: 'annualReview', title: '年审或年检', pattern: /年审|年检/ },
  { key: 'notes', title: '注意事项', pattern: /注意事项/ },
] as const;

export type SectionKey = (typeof templateSections)[number]['key'];

export interface GuideSection {
  key: SectionKey | undefined;
  /** The heading line as the guide writes it. */
  heading: string;
  /** The section's lines, trimmed, blank lines dropped. */
  lines: string[];
}

export interface SplitGuide {
  /** The lines before the first heading: the guide's title. */
  titleLines: string[];
  sections: GuideSection[];
}

const chineseNumerals = '一二三四五六七八九十';
const headingLine = /^([一二三四五六七八九十]+|\d{1,2})\s*[、．.]\s*(\S.*)$/;
/** A heading is a short line of its own; "1.网络填报受理时间：申报单位需于…" is an item, not a heading. */
const maxHeadingLength = 24;

/** The value of 一…九十九 written in Chinese numerals. */
export function chineseNumberValue(text: string): number | undefined {
  if (!/^[一二三四五六七八九十]+$/.test(text)) return undefined;
  const digit = (c: string | undefined) => (c ? chineseNumerals.indexOf(c) + 1 : 0);
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? digit(text) : undefined;
  return (ten === 0 ? 1 : digit(text[ten - 1])) * 10 + digit(text[ten + 1]);
}

/** The lines of a text, trimmed (including full-width spaces), blank ones dropped. */
export function textLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((l) => l.length > 0);
}

function knownSectionIndex(title: string): number {
  return templateSections.findIndex((s) => s.pattern.test(title));
}

/** Which template section a line opens, or undefined if it is not a heading; `after` keeps headings in order. */
function headingOf(line: string, after: number): { index: number; number: string } | 'unknown' | undefined {
  const m = headingLine.exec(line);
  if (!m || line.length > maxHeadingLength || /[：:，。；]/.test(m[2]!)) return undefined;
  const title = m[2]!.replace(/\s+/g, '');
  const index = knownSectionIndex(title);
  if (index > after) return { index, number: m[1]! };
  // An unknown title counts as a heading only with the template's Chinese numbering (一、), never with 1、.
  if (index < 0 && chineseNumberValue(m[1]!) !== undefined) return 'unknown';
  return undefined;
}

/** Cuts the guide into its title lines and sections. */
export function splitGuide(text: string): SplitGuide {
  const titleLines: string[] = [];
  const sections: GuideSection[] = [];
  let last = -1;
  for (const line of textLines(text)) {
    const heading = headingOf(line, last);
    if (heading === 'unknown') sections.push({ key: undefined, heading: line, lines: [] });
    else if (heading) {
      last = heading.index;
      sections.push({ key: templateSections[heading.index]!.key, heading: line, lines: [] });
    } else if (sections.length === 0) titleLines.push(line);
    else sections.at(-1)!.lines.push(line);
  }
  return { titleLines, sections };
}

/** The lines of one section, or an empty list when the guide has no such section. */
export function sectionLines(guide: SplitGuide, key: SectionKey): string[] {
  return guide.sections.find((s) => s.key === key)?.lines ?? [];
}
