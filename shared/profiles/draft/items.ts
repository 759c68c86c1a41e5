/**
 * Numbered items (（一）…) and their groups (共性申报材料：, 基础条件：) inside one section of a guide.
 */

export interface NumberedItem {
  /** The numbering as written, e.g. （一）. */
  number: string;
  /** The item's words without the numbering and without the closing ；or 。. */
  text: string;
}

export interface ItemGroup {
  /** The group's label without its colon, e.g. 共性申报材料; empty for items before any label. */
  label: string;
  items: NumberedItem[];
  /** Lines of the group that are not numbered items (a closing sentence, a note). */
  otherLines: string[];
}

const numberedLine = /^([（(][一二三四五六七八九十]+[）)])\s*(.*)$/;
/** A group label stands on its own line and ends with a colon: "专项申报材料：". */
const groupLabelLine = /^([^，。；：:（）()]{2,16})[：:]$/;

/** Drops a closing ；，。 (full or half width) and surrounding spaces. */
export function withoutClosingPunctuation(text: string): string {
  return text.replace(/[\s\u3000]*[；;。，,.]+[\s\u3000]*$/, '').trim();
}

/** The numbered item on this line, or undefined. */
export function numberedItem(line: string): NumberedItem | undefined {
  const m = numberedLine.exec(line);
  if (!m) return undefined;
  return { number: m[1]!.replace('(', '（').replace(')', '）'), text: withoutClosingPunctuation(m[2]!) };
}

/** A line that starts its own sentence even after an item left open: "以上材料…", "（注：…", "1.…". */
const startsAfresh = /^(?:以上|上述|注|[（(]注|说明|\d+[.．、])/;
const closedLine = /[；;。.：:]$/;

/**
 * Groups a section's lines by their labels; numbered items and other lines in their order. A line that continues an
 * item the guide left open (text copied from a PDF wraps mid-sentence) is joined to it.
 */
export function itemGroups(lines: string[]): ItemGroup[] {
  const groups: ItemGroup[] = [{ label: '', items: [], otherLines: [] }];
  let open: { item: NumberedItem; raw: string } | undefined;
  for (const line of lines) {
    const label = groupLabelLine.exec(line);
    const item = numberedItem(line);
    if (label) {
      groups.push({ label: label[1]!, items: [], otherLines: [] });
      open = undefined;
    } else if (item) {
      groups.at(-1)!.items.push(item);
      open = { item, raw: line.replace(numberedLine, '$2') };
    } else if (open && !startsAfresh.test(line)) {
      open.raw += line;
      open.item.text = withoutClosingPunctuation(open.raw);
    } else {
      groups.at(-1)!.otherLines.push(line);
      open = undefined;
    }
    if (closedLine.test(line)) open = undefined;
  }
  return groups.filter((g) => g.label !== '' || g.items.length > 0 || g.otherLines.length > 0);
}

export interface TitleAndNote {
  title: string;
  /** The words of a closing bracket that qualifies the title (复印件, an exemption), if any. */
  note: string | undefined;
}

const closingBracket = /^(.*\S)[（(]([^（）()]*)[）)]$/;
/** A closing bracket is a note when it qualifies (复印件；…无需提交), not when it names (服务合同（协议）). */
const noteWords = /[；;，,。：:]|复印件|原件|无需|免|不足|提供|加盖|签字/;

/** Splits "申报单位营业执照（复印件；…无需提交）" into its title and its note. */
export function titleAndNote(text: string): TitleAndNote {
  const m = closingBracket.exec(text);
  if (!m || !noteWords.test(m[2]!)) return { title: text, note: undefined };
  return { title: m[1]!.trim(), note: m[2]!.trim() };
}

/** The clauses of a note or sentence, split at ；and ，. */
export function clauses(text: string): string[] {
  return text
    .split(/[；;，,]/)
    .map((c) => c.trim())
    .filter(Boolean);
}
