/**
 * Text the clerk types must be what it shows. Characters that change how text is shown without being seen —
 * direction overrides (U+202E turns `fdp.exe` around), zero-width spaces and joiners, control characters — are
 * refused in names, codes and the other fields: pasted from a web page or a PDF they make a name that looks right
 * on screen but is not the one on the business licence, and a credit code that fails every lookup.
 */
import { z } from 'zod';

// C0/C1 controls, soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width and direction marks,
// bidi embeddings, overrides and isolates, invisible operators, BOM, interlinear annotation marks.
const hiddenInLine =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;
// The same, except line breaks and tabs, which a note or a reason may hold.
const hiddenInNote =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;

export function hasHiddenCharacters(text: string, multiLine = false): boolean {
  return (multiLine ? hiddenInNote : hiddenInLine).test(text);
}

const message = (field: string) =>
  `${field}中含有看不见的字符（方向控制符、零宽字符或控制字符，常在从网页、微信或 PDF 复制时带入）。请删掉这一栏的内容，再照证照手动输入一遍`;

/**
 * `schema`, after a first check for hidden characters that says which field holds them (first: a hidden character
 * also makes a credit code too long, and "too long" would send the clerk counting characters they cannot see).
 * @example visibleText(z.string().trim().max(200), '申报单位名称')
 */
export function visibleText<S extends z.ZodType<string, string>>(
  schema: S,
  field: string,
  options: { multiLine?: boolean } = {},
) {
  return z
    .string()
    .refine((text) => !hasHiddenCharacters(text, options.multiLine), message(field))
    .pipe(schema);
}
