/**
 * Money, rates and counts as the guides write them: "100万元", "1.5亿元", "不超过合同金额的30%", "90个工作日".
 */

const units: Record<string, number> = { 亿元: 100_000_000, 万元: 10_000, 元: 1, 亿: 100_000_000, 万: 10_000 };
const amountWords = /(\d+(?:\.\d+)?)\s*(亿元|万元|元|亿|万)/;

/** The yuan of "100万元", "1.5亿元" or "5000元"; undefined when the text names no amount. */
export function yuanOf(text: string): number | undefined {
  const m = amountWords.exec(text);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * units[m[2]!]!);
}

export interface FoundRate {
  percent: number;
  /** What the rate applies to, e.g. 合同金额 or 模型购买费用. */
  base: string;
  /** The guide's words, from 不超过 to the %. */
  words: string;
}

const rateWords = /不(?:超过|高于)([^，。；,;、]{1,30}?)的\s*(\d+(?:\.\d+)?)\s*[%％]/g;
/** "按合同金额的10%": a rate without 不超过, read only where no 不超过 rate is written. */
const plainRateWords = /按([^，。；,;、不]{1,30}?)的\s*(\d+(?:\.\d+)?)\s*[%％]/g;

/** Every "不超过…的N%" in the text, in order; failing any, every "按…的N%". */
export function findRates(text: string): FoundRate[] {
  const upTo = [...text.matchAll(rateWords)];
  return (upTo.length > 0 ? upTo : [...text.matchAll(plainRateWords)]).map((m) => ({
    percent: Number(m[2]),
    base: m[1]!.replace(/^(?:以“[^”]*”)?抵扣/, '').trim(),
    words: m[0],
  }));
}

export interface FoundCaps {
  /** The amount "in principle" (原则上不超过…), if the guide states one. */
  softYuan: number | undefined;
  /** The highest amount (最高不超过…, or a plain 不超过… without 原则上). */
  hardYuan: number | undefined;
  /** The clause or clauses that state them. */
  words: string;
  /** Further cap clauses the two above do not cover ("标杆项目最高不超过1000万元"): a person decides. */
  others: string[];
}

const capClause = /[^，。；,;]*不(?:超过|高于)\s*\d+(?:\.\d+)?\s*(?:亿元|万元|元|亿|万)/g;

/** The soft and hard caps of a funding text: "原则上不超过100万元，最高不超过200万元". */
export function findCaps(text: string): FoundCaps | undefined {
  const found = [...text.matchAll(capClause)].map((m) => m[0].trim());
  if (found.length === 0) return undefined;
  const soft = found.find((c) => /原则上/.test(c));
  const hard = found.find((c) => /最高|最多/.test(c)) ?? found.find((c) => c !== soft);
  const words = [soft, hard].filter((c): c is string => c !== undefined);
  return {
    softYuan: soft === undefined ? undefined : yuanOf(soft.replace(/^.*不(?:超过|高于)/, '')),
    hardYuan: hard === undefined ? undefined : yuanOf(hard.replace(/^.*不(?:超过|高于)/, '')),
    words: joinClauses(text, words),
    others: found
      .filter((c, i) => c !== soft && c !== hard && found.indexOf(c) === i)
      .map((c) => sentenceWith(text, c)),
  };
}

/** The sentence (up to 。 or ；) that holds the clause, for a quote that keeps its context. */
function sentenceWith(text: string, clause: string): string {
  return (
    text
      .split(/[。；;\n]/)
      .find((sentence) => sentence.includes(clause))
      ?.trim() ?? clause
  );
}

/** The guide's words from the first clause to the last, as they stand in the text. */
function joinClauses(text: string, found: string[]): string {
  const starts = found.map((c) => text.indexOf(c));
  const first = Math.min(...starts);
  const last = Math.max(...found.map((c, i) => starts[i]! + c.length));
  return text.slice(first, last);
}

/** The N of "N个工作日" (or "N个工作天"), if any. */
export function workingDaysOf(text: string): number | undefined {
  const m = /(\d+)\s*个?\s*工作日/.exec(text);
  return m ? Number(m[1]) : undefined;
}

const chineseDigits = '一二三四五六七八九';

/** The N of "一式N份": digits, 一…九 or 两. */
export function copiesOf(text: string): number | undefined {
  const m = /一式\s*([一二两三四五六七八九]|\d+)\s*份/.exec(text);
  if (!m) return undefined;
  if (/\d/.test(m[1]!)) return Number(m[1]);
  return m[1] === '两' ? 2 : chineseDigits.indexOf(m[1]!) + 1;
}
