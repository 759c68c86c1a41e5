/**
 * Form fields as printed: every value drawn with the dossier's own font whatever the source relied on, a field
 * that cannot be drawn refused by name, and every dossier a valid PDF (`qpdf --check`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../../../electron/core/dossier/index.ts';
import { emptyFontConfig, inkIn, pageText, renderGray, run } from '../dossier/helpers.ts';
import { assembleOne, contentScratch, ocrPage, qpdfCheck } from './helpers.ts';

let dir: string;

beforeAll(() => {
  ({ dir } = contentScratch('content-forms'));
}, 120_000);

describe('forms with /DR fonts', () => {
  it('writes each font once in the appearances it draws: qpdf --check exits 0', async () => {
    const { out, first } = await assembleOne(dir, 'dr-form-out.pdf', 'application-form', ['dr-form.pdf']);
    expect(qpdfCheck(out)).toEqual({ code: 0, output: expect.stringContaining('No syntax or stream encoding errors') });
    expect(pageText(out, first)).toContain('ACMEVALUE');
  });
});

describe('a filled 真实性承诺书 whose values rely on the viewer', () => {
  it('prints every value with the dossier font: pdftotext and tesseract (chi_sim, no system fonts) read them', async () => {
    const { out, first } = await assembleOne(dir, 'promise-out.pdf', 'authenticity-commitment', ['promise-letter.pdf']);
    expect(qpdfCheck(out).code).toBe(0);
    const text = pageText(out, first).replace(/\s+/g, '');
    for (const value of ['深圳市卷宗测试科技有限公司', '王小明', '2025年10月13日', '承诺所填信息真实有效'])
      expect(text).toContain(value);
    expect(text).not.toMatch(/[?\u3f3f]/);
    const env = emptyFontConfig(dir);
    const ocr = ocrPage(out, first, env);
    for (const value of ['深圳市卷宗测试科技有限公司', '王小明', '承诺所填信息真实有效']) expect(ocr).toContain(value);
    expect(ocr).toContain('2025');
    const fonts = run('pdffonts', ['-f', String(first), '-l', String(first), out]);
    expect(fonts).not.toMatch(/STSong|ZapfDingbats/);
  }, 120_000);

  it('draws the checked box and the chosen radio button, and leaves the unchecked ones empty', async () => {
    const { out, first } = await assembleOne(dir, 'boxes-out.pdf', 'authenticity-commitment', ['promise-letter.pdf']);
    const r = renderGray(out, first, 72, emptyFontConfig(dir));
    // Widget rects in points from the top-left at 72 dpi (the letter is A4, copied as it is): y = 841.89 - 618.
    const box = (x: number): [number, number, number, number] => [
      (x + 2) / r.w,
      (841.89 - 616) / r.h,
      (x + 16) / r.w,
      (841.89 - 602) / r.h,
    ];
    expect(inkIn(r, box(140))).toBeGreaterThan(0.05); // 同意: checked
    expect(inkIn(r, box(180))).toBe(0); // 不同意: off
    expect(inkIn(r, box(380))).toBeGreaterThan(0.05); // 类型 B: chosen
    expect(inkIn(r, box(330))).toBe(0); // 类型 A
  });

  it('refuses a letter with a field the font cannot draw, naming the field, at attach time and when assembling', async () => {
    const message = expect.stringContaining('表单栏“生僻字”');
    await expect(inspectInput(path.join(dir, 'undrawable-form.pdf'))).rejects.toMatchObject({
      code: 'form-field-undrawable',
      message,
    });
    await expect(
      assembleOne(dir, 'undrawable-out.pdf', 'authenticity-commitment', ['undrawable-form.pdf']),
    ).rejects.toMatchObject({ code: 'form-field-undrawable', message });
    expect(fs.existsSync(path.join(dir, 'undrawable-out.pdf'))).toBe(false);
  });
});
