/**
 * The cover's rows (申报单位, 信用代码, 联系人, 联系电话, 日期) each keep their own line, filled or not: an empty
 * contact or phone leaves a blank rule for the clerk's pen, never a row drawn over the next.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleChecked, emptyFontConfig, inkIn, makePdf, manifestOf, renderGray, wordBoxes, A4 } from './helpers.ts';

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juanzong-cover-rows-'));
  await makePdf(at('form.pdf'), [{ size: A4, label: 'FORM' }]);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cover(name: string, contact: { contact?: string; phone?: string }): Promise<string> {
  const manifest = manifestOf({
    applicant: { name: '深圳市卷宗测试科技有限公司', creditCode: '91440300MA5G8XK3QJ', ...contact },
    materials: [{ id: 'application-form', files: ['form.pdf'] }],
  });
  await assembleChecked({ manifest, baseDir: dir, outPath: at(name) });
  return at(name);
}

type Box = ReturnType<typeof wordBoxes>[number];
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const rowLabels = ['申报单位：', '统一社会信用代码：', '联系人：', '联系电话：', '日期：'];

function labelBoxes(words: Box[]): Box[] {
  return rowLabels.map((label) => {
    const box = words.find((w) => w.word === label);
    if (!box) throw new Error(`${label} is not on the cover`);
    return box;
  });
}

describe('the cover rows', () => {
  const cases: [string, { contact?: string; phone?: string }][] = [
    ['contact and phone filled', { contact: '李会计', phone: '0755-86000000' }],
    ['contact and phone empty', { contact: '', phone: '' }],
    ['contact and phone absent', {}],
    ['phone only', { phone: '0755-86000000' }],
  ];

  it.each(cases)('no two text boxes overlap and each row keeps its height (%s)', async (name, c) => {
    const pdf = await cover(`${name.replaceAll(' ', '-')}.pdf`, c);
    const words = wordBoxes(pdf, 1);
    for (const [i, a] of words.entries()) {
      for (const b of words.slice(i + 1)) expect(overlaps(a, b), `${a.word} over ${b.word}`).toBe(false);
    }
    const labels = labelBoxes(words);
    for (let i = 1; i < labels.length; i += 1) {
      expect(labels[i]!.y0 - labels[i - 1]!.y1, `gap above ${rowLabels[i]}`).toBeGreaterThan(15);
    }
  });

  it('draws a blank rule to fill in by hand under an empty contact and phone', async () => {
    const pdf = await cover('blank-rules.pdf', { contact: '', phone: '' });
    const [, , contact, phone] = labelBoxes(wordBoxes(pdf, 1));
    expect(wordBoxes(pdf, 1).map((w) => w.word)).not.toContain('undefined');
    const page = renderGray(pdf, 1, 72, emptyFontConfig(dir));
    for (const label of [contact!, phone!]) {
      // Right of the label, from the glyphs' bottom to a few points below: the rule is there; above it, nothing.
      const rule: [number, number, number, number] = [
        (label.x1 + 20) / A4[0],
        (label.y1 - 2) / A4[1],
        (A4[0] - 100) / A4[0],
        (label.y1 + 6) / A4[1],
      ];
      const field: [number, number, number, number] = [rule[0], label.y0 / A4[1], rule[2], (label.y1 - 4) / A4[1]];
      expect(inkIn(page, rule), `rule of ${label.word}`).toBeGreaterThan(0.05);
      expect(inkIn(page, field), `nothing written after ${label.word}`).toBe(0);
    }
  });
});
