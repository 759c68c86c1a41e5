/**
 * What one page of a sample material says: a title and its lines. The PDF and the image makers draw the same
 * sheet, each with the 示例 mark, so every sample page reads as a demonstration wherever it ends up.
 */
export interface SampleSheet {
  title: string;
  /** Lines of text, top to bottom; an empty string leaves a blank line. */
  lines: string[];
  /** Where the company would sign and seal, drawn at the foot of the page. */
  signature?: string;
}

/** Breaks `text` into lines no wider than `maxWidth`, measuring with `width` (Chinese breaks between any characters). */
export function wrapText(text: string, maxWidth: number, width: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && width(line + ch) > maxWidth) {
      lines.push(line);
      line = ch.trimStart();
    } else line += ch;
  }
  lines.push(line);
  return lines;
}
