/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters — registration authority,
 * organisation kind, six region digits, nine organisation-code characters and a check character.
 */

/** The 31 characters the standard uses, in the order that gives each its value (no I, O, Z, S, V). */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Removes spaces and upper-cases, as a clerk may type it either way. */
export function normalizeCreditCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/** The characters of `code` the standard never uses (each once, in order), e.g. O for 0 or I for 1. */
export function foreignCreditCodeCharacters(code: string): string[] {
  return [...new Set([...code].filter((c) => !CHARSET.includes(c)))];
}

/** Whether the code has 18 characters from the standard's character set. */
export function hasCreditCodeShape(code: string): boolean {
  return code.length === 18 && [...code].every((c) => CHARSET.includes(c));
}

/**
 * The check character for the first 17 characters (GB 32100-2015, 附录).
 * @example creditCodeCheckCharacter('91440300MA5FXXXXX') // the 18th character
 */
export function creditCodeCheckCharacter(first17: string): string {
  const sum = [...first17.slice(0, 17)].reduce((total, c, i) => total + CHARSET.indexOf(c) * WEIGHTS[i]!, 0);
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Whether a well-shaped code's 18th character matches its check character. */
export function hasValidCheckCharacter(code: string): boolean {
  return hasCreditCodeShape(code) && creditCodeCheckCharacter(code) === code[17];
}

/** The six region digits (characters 3–8): the administrative division of the registering authority. */
export function creditCodeRegion(code: string): string {
  return code.slice(2, 8);
}
