import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFRef, type PDFRawStream } from '../../../electron/core/dossier/pdf-lib.ts';
import { applyIndirectLengths, findEndOfStream } from '../../../electron/core/dossier/pdf-lib-patches.ts';

/** A one-page PDF whose content stream has an indirect /Length. */
function pdfWithIndirectLength(data: string): Uint8Array {
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>',
    `<</Length 5 0 R>>\nstream\n${data}\nendstream`,
    String(data.length),
  ];
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

describe('pdf-lib parser fixes', () => {
  it('finds the end of a stream before the EOL that precedes endstream', () => {
    const bytes = Buffer.from('stream\nABC\r\nendstream', 'latin1');
    expect(findEndOfStream(bytes, 7)).toEqual({ end: 10, after: 21 });
    expect(findEndOfStream(Buffer.from('xx'), 0)).toBeUndefined();
  });

  it('keeps a final carriage return that belongs to the data when /Length is indirect', async () => {
    // Data ending in CR, then the EOL before endstream: the scan takes CR LF for the EOL and cuts a byte.
    const bytes = pdfWithIndirectLength('0 0 m\r');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const stream = () => doc.context.lookup(PDFRef.of(4)) as PDFRawStream;
    expect(stream().contents.length).toBe(5);
    applyIndirectLengths(doc, bytes);
    expect(Buffer.from(stream().contents).toString('latin1')).toBe('0 0 m\r');
  });
});
