/**
 * A funding text that gives each kind of claimant its own rate and cap — "对软件企业，按不超过…的30%给予资助，每个项目
 * 最高不超过1000万元；对用户单位，按…的10%给予资助…" — read as one part per claimant; the draft makes each a track.
 */
import { findCaps, findRates, type FoundCaps, type FoundRate } from './amounts.ts';

export interface ClaimantFunding {
  /** Whom the part is for, as the guide names them (软件企业). */
  claimant: string;
  rates: { value: FoundRate; quote: string }[];
  caps: { value: FoundCaps; quote: string } | undefined;
  /** The part as the guide writes it. */
  quote: string;
}

const numbering = String.raw`(?:[（(][一二三四五六七八九十]+[）)]|\d+[.．、])?\s*`;
/** "对软件企业，按…", "对于用户单位按…". */
const forWhom = new RegExp(`^${numbering}对于?([^，,：:。；;“”]{2,16}?)(?:[，,]|按|给予)`);
/** "1.软件企业：按…". */
const labelled = new RegExp(`^${numbering}([^，,：:。；;“”]{2,16})[：:]`);
/** Words of a heading or of the money, never of a claimant. */
const notAClaimant = /资助|标准|方式|费用|范围|金额/;

function claimantOf(sentence: string): string | undefined {
  const name = (forWhom.exec(sentence) ?? labelled.exec(sentence))?.[1]?.trim();
  return name && !notAClaimant.test(name) ? name : undefined;
}

function partOf(claimant: string, sentences: string[]): ClaimantFunding {
  const quote = sentences.join('；');
  const rateSentence = sentences.find((s) => findRates(s).length > 0)!;
  const caps = findCaps(quote);
  return {
    claimant,
    rates: findRates(rateSentence).map((value) => ({ value, quote: rateSentence })),
    caps: caps ? { value: caps, quote: caps.words } : undefined,
    quote,
  };
}

/**
 * The parts of the funding text, one per claimant, when it names two or more claimants each with its own rate;
 * otherwise none (one rule for every applicant). A sentence with a cap but no rate belongs to the part before it.
 */
export function findClaimantFunding(text: string): ClaimantFunding[] {
  const parts: { claimant: string; sentences: string[] }[] = [];
  const sentences = text
    .split(/[。；;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const sentence of sentences) {
    const hasRate = findRates(sentence).length > 0;
    const claimant = hasRate ? claimantOf(sentence) : undefined;
    if (claimant) parts.push({ claimant, sentences: [sentence] });
    else if (!hasRate && parts.length > 0 && findCaps(sentence)) parts.at(-1)!.sentences.push(sentence);
  }
  const names = new Set(parts.map((p) => p.claimant));
  return parts.length >= 2 && names.size === parts.length ? parts.map((p) => partOf(p.claimant, p.sentences)) : [];
}
