/** Full-width letters, digits and punctuation (as a Chinese IME types them: ９１４４, ＭＡ, －) as their ASCII forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
