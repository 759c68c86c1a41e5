/**
 * `ObjectCopier` moves a parsed source's objects into a file written by `PdfFileWriter`: references renumbered, each
 * object written once however often it is reached (a font two pages share, a cycle), stream data as it was, the
 * source's page tree written as null. The copy of a Ghostscript PDF is checked by the system's qpdf and poppler.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { num, ObjectCopier } from '../../../electron/core/dossier/object-copier.ts';
import { PDFDocument, PDFName, type PDFDict, type PDFRef } from '../../../electron/core/dossier/pdf-lib.ts';
import { PdfFileWriter } from '../../../electron/core/dossier/pdf-writer.ts';
import { pdfText, runTool } from '../../fixtures/run-tool.ts';

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'juanzong-copier-'));
  const pages = ['First page of the statement', 'Second page, same font'].map(
    (text) => `/Times-Roman findfont 24 scalefont setfont 72 600 moveto (${text}) show showpage`,
  );
  runTool('gs', [
    '-q',
    '-dBATCH',
    '-dNOPAUSE',
    '-dSAFER',
    '-sDEVICE=pdfwrite',
    '-sPAPERSIZE=a4',
    `-sOutputFile=${at('source.pdf')}`,
    '-c',
    pages.join('\n'),
  ]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const N = (name: string) => PDFName.of(name);

/** The object `n` of `file` as the system's qpdf prints it. */
const showObject = (file: string, n: number) =>
  execFileSync('qpdf', [`--show-object=${n}`, file], { encoding: 'utf8' }).trim();

/** Copies every page of `source.pdf` into `out` through one copier, plus `extra` written by the caller. */
async function copyAll(out: string, extra: (copier: ObjectCopier, doc: PDFDocument) => string = () => '') {
  const doc = await PDFDocument.load(readFileSync(at('source.pdf')));
  const writer = new PdfFileWriter(out);
  const [catalog, pages, info] = [writer.allocate(), writer.allocate(), writer.allocate()];
  const sourceTree = new Set([doc.context.trailerInfo.Root as PDFRef, doc.catalog.get(N('Pages')) as PDFRef]);
  const copier = new ObjectCopier(writer, doc.context, sourceTree);
  const pageNums = doc.getPages().map((page) => {
    const n = writer.allocate();
    copier.assign(page.ref, n);
    return n;
  });
  doc.getPages().forEach((page, i) => {
    writer.object(pageNums[i]!, `<<${copier.entries(page.node as PDFDict, [N('Parent')])}/Parent ${pages} 0 R>>`);
  });
  const more = extra(copier, doc);
  copier.drain();
  writer.object(pages, `<</Type/Pages/Kids[${pageNums.map((n) => `${n} 0 R`).join(' ')}]/Count ${pageNums.length}>>`);
  writer.object(catalog, `<</Type/Catalog/Pages ${pages} 0 R${more}>>`);
  writer.object(info, '<<>>');
  expect(writer.missing()).toEqual([]);
  await writer.finish(catalog, info, '00112233445566778899aabbccddeeff');
  return { doc, copier };
}

describe('ObjectCopier', () => {
  it('copies pages into a file qpdf checks clean and poppler reads the same', async () => {
    await copyAll(at('copy.pdf'));
    expect(runTool('qpdf', ['--check', at('copy.pdf')])).toContain('No syntax or stream encoding errors');
    expect(pdfText(at('copy.pdf'))).toBe(pdfText(at('source.pdf')));
  });

  it('writes a font two pages share once, as the source has it', async () => {
    await copyAll(at('shared.pdf'));
    const fontRows = (file: string) => runTool('pdffonts', [file]).trim().split('\n').slice(2);
    expect(fontRows(at('source.pdf'))).toHaveLength(1);
    expect(fontRows(at('shared.pdf'))).toHaveLength(1);
    const byteCount = (file: string) => (readFileSync(file, 'latin1').match(/\/Type\s*\/Font\b/g) ?? []).length;
    expect(byteCount(at('shared.pdf'))).toBe(byteCount(at('source.pdf')));
  });

  it('writes each object of a cycle once and ends; the source’s page tree becomes null', async () => {
    let numbers: number[] = [];
    let dropped = '';
    await copyAll(at('cycle.pdf'), (copier, doc) => {
      const [a, b] = [doc.context.obj({}), doc.context.obj({})];
      const [refA, refB] = [doc.context.register(a), doc.context.register(b)];
      a.set(N('Next'), refB);
      b.set(N('Next'), refA);
      a.set(N('Up'), doc.catalog.get(N('Pages'))!);
      dropped = copier.ref(doc.context.trailerInfo.Root as PDFRef);
      const first = copier.ref(refA);
      numbers = [first, copier.ref(refB), copier.ref(refA)].map((r) => Number(r.split(' ')[0]));
      return `/Probe ${first}`;
    });
    const [a, b, again] = numbers as [number, number, number];
    expect(again).toBe(a);
    expect(dropped).toBe('null');
    expect(showObject(at('cycle.pdf'), a)).toBe(`<< /Next ${b} 0 R >>`); // qpdf leaves out a null entry …
    expect(readFileSync(at('cycle.pdf'), 'latin1')).toContain(`${a} 0 obj\n<</Next ${b} 0 R/Up null>>`); // … written as null
    expect(showObject(at('cycle.pdf'), b)).toBe(`<< /Next ${a} 0 R >>`);
    expect(runTool('qpdf', ['--check', at('cycle.pdf')])).toContain('No syntax or stream encoding errors');
  });
});

describe('num', () => {
  it('writes PDF numbers: no exponent, at most four decimals', () => {
    expect([0, -3, 12.5, 1 / 3, -0.00001, 595.2756, 2.5e-7].map(num)).toEqual([
      '0',
      '-3',
      '12.5',
      '0.3333',
      '0',
      '595.2756',
      '0',
    ]);
    expect(num(1e21)).toBe('1000000000000000000000');
    expect(num(-1.5e22)).toBe('-15000000000000000000000');
    expect(num(1.5e21 + 0.5)).not.toMatch(/e/);
    expect(num(Number.NaN)).toBe('0');
    expect(num(Infinity)).toBe('0');
  });
});
