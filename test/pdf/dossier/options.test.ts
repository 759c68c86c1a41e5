/**
 * The clerk's options as drawn: simplex, no seal marks, landscape turned to fill, a page turned by hand, plain
 * numbers, the seal moved; filled form fields kept; and the checklist.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFBool, PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeChecklist } from '../../../electron/core/dossier/index.ts';
import { findProfile } from '#shared/profiles/index.ts';
import {
  A4,
  assembleChecked,
  emptyFontConfig,
  inkIn,
  manifestOf,
  pageText,
  renderGray,
  run,
  wordBoxes,
} from './helpers.ts';
import { makeInputs, type TestInputs } from './inputs.ts';

let inputs: TestInputs;
const at = (name: string) => path.join(inputs.dir, name);

beforeAll(async () => {
  inputs = await makeInputs();
  const doc = await PDFDocument.create();
  const form = doc.getForm();
  for (const [size, name] of [
    [A4, 'a4'],
    [[612, 792], 'letter'],
  ] as const) {
    const page = doc.addPage([...size]);
    const field = form.createTextField(`name-${name}`);
    field.setText(`FIELD${name.toUpperCase()}`);
    field.addToPage(page, { x: 100, y: 500, width: 200, height: 30 });
  }
  fs.writeFileSync(at('filled.pdf'), await doc.save());
  // A form that leaves drawing its values to the viewer: no appearance streams, /NeedAppearances true.
  const bare = await PDFDocument.create();
  const bareForm = bare.getForm();
  const field = bareForm.createTextField('bare');
  field.setText('VIEWERDRAWN');
  field.addToPage(bare.addPage([...A4]), { x: 100, y: 500, width: 250, height: 30 });
  for (const widget of field.acroField.getWidgets()) widget.dict.delete(PDFName.of('AP'));
  bareForm.acroForm.dict.set(PDFName.of('NeedAppearances'), PDFBool.True);
  const helvetica = await bare.embedFont(StandardFonts.Helvetica);
  bareForm.acroForm.dict.set(PDFName.of('DR'), bare.context.obj({ Font: { Helvetica: helvetica.ref } }));
  fs.writeFileSync(at('need-appearances.pdf'), await bare.save({ updateFieldAppearances: false }));
}, 120_000);

afterAll(() => fs.rmSync(inputs.dir, { recursive: true, force: true }));

async function assemble(options: Record<string, unknown>, materials: { id: string; files: unknown[] }[], name: string) {
  const outPath = at(name);
  const manifest = manifestOf({ options: { date: '2025-10-13', ...options }, materials: materials as never });
  return { out: outPath, ...(await assembleChecked({ manifest, baseDir: inputs.dir, outPath })) };
}

function centre(pdf: string, page: number, word: string): [number, number] {
  const b = wordBoxes(pdf, page).find((w) => w.word === word);
  if (!b) throw new Error(`${word} not on page ${page}`);
  return [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
}

describe('options', () => {
  it('simplex: no blank pages, numbers centred, 骑缝章 on every page of a multi-page material', async () => {
    const { out, pageMap } = await assemble(
      { duplex: false },
      [{ id: 'financial-statements', files: [inputs.rotated] }],
      'simplex.pdf',
    );
    expect(pageMap.blankPages).toEqual([]);
    expect(pageMap.pages).toBe(6);
    const num = wordBoxes(out, 2).find((w) => w.word === '2')!;
    expect(Math.abs((num.x0 + num.x1) / 2 - A4[0] / 2)).toBeLessThan(10);
    for (let p = 3; p <= 6; p += 1) expect(pageText(out, p)).toContain('骑缝章');
  });

  it('seal marks off: no 盖章处 and no 骑缝章 anywhere; the cover still says where the seal goes', async () => {
    const { out, pageMap } = await assemble(
      { sealMarkers: false },
      [{ id: 'financial-statements', files: [inputs.rotated] }],
      'no-seals.pdf',
    );
    const all = run('pdftotext', ['-q', out, '-']);
    expect(all).not.toContain('盖章处');
    expect(all).not.toContain('骑缝章');
    expect(all).toContain('申报单位（盖章）');
    expect(pageMap.sections[2]!.firstPage).toBe(5);
  });

  it('landscape turn: the A3 page is turned a quarter anticlockwise to fill the sheet; others stay upright', async () => {
    const { out, pageMap } = await assemble(
      { landscape: 'turn' },
      [{ id: 'service-contract', files: [inputs.mixed] }],
      'turn.pdf',
    );
    const p = pageMap.sections[2]!.firstPage + 2;
    const [tl, mid, br] = [centre(out, p, 'TLMIXC'), centre(out, p, 'MIDMIXC'), centre(out, p, 'BRMIXC')];
    expect(tl[0] < mid[0] && mid[0] < br[0]).toBe(true);
    expect(tl[1] > mid[1] && mid[1] > br[1]).toBe(true);
    const [a, m] = [centre(out, p - 1, 'TLMIXB'), centre(out, p - 1, 'MIDMIXB')];
    expect(a[1]).toBeLessThan(m[1]);
  });

  it('a page the clerk turned comes out turned; plain numbers; the seal where the clerk put it', async () => {
    const files = [{ path: inputs.rotated, rotate: { '1': 180 } }];
    const { out, pageMap } = await assemble(
      { numberStyle: 'plain', sealPosition: 'top-left' },
      [{ id: 'financial-statements', files }],
      'clerk.pdf',
    );
    const p = pageMap.sections[2]!.firstPage;
    const [tl, br] = [centre(out, p, 'TLROTA'), centre(out, p, 'BRROTA')];
    expect(tl[0]).toBeGreaterThan(br[0]);
    expect(tl[1]).toBeGreaterThan(br[1]);
    expect(pageText(out, p)).not.toContain('—');
    const seal = wordBoxes(out, p).find((w) => w.word === '盖章处')!;
    // In the clerk's corner unless the page's own ink is there; the page map says where it went, and it is there.
    const spot = pageMap.pageList![p - 1]!.marks!.seal!;
    expect(spot.corner).toBe('top-left');
    expect(Math.abs((seal.x0 + seal.x1) / 2 - spot.x)).toBeLessThan(spot.r);
    expect(Math.abs(A4[1] - (seal.y0 + seal.y1) / 2 - spot.y)).toBeLessThan(spot.r);
    if (spot.choice === 'chosen') expect([seal.x1 < A4[0] / 2, seal.y1 < A4[1] / 2]).toEqual([true, true]);
  });

  it('keeps what filled form fields show, on a copied A4 page and on a scaled Letter page', async () => {
    const { out, pageMap } = await assemble({}, [{ id: 'application-form', files: ['filled.pdf'] }], 'filled-out.pdf');
    const first = pageMap.sections[2]!.firstPage;
    expect(pageText(out, first)).toContain('FIELDA4');
    expect(pageText(out, first + 1)).toContain('FIELDLETTER');
    const field = wordBoxes(out, first + 1).find((w) => w.word === 'FIELDLETTER')!;
    expect(field.x1).toBeLessThan(A4[0]);
  });

  it('draws the value of a field whose appearance the source leaves to the viewer (/NeedAppearances)', async () => {
    expect(run('pdftotext', ['-q', at('need-appearances.pdf'), '-'])).toContain('VIEWERDRAWN');
    const { out, pageMap } = await assemble(
      {},
      [{ id: 'application-form', files: ['need-appearances.pdf'] }],
      'need-out.pdf',
    );
    expect(pageText(out, pageMap.sections[2]!.firstPage)).toContain('VIEWERDRAWN');
  });
});

describe('other image formats', () => {
  it('takes WebP, GIF, palette and 16-bit PNG images, one page each, upright', async () => {
    const src = at('gray-src.png');
    run('convert', [src, at('img.webp')]);
    run('convert', [src, at('img.gif')]);
    run('convert', [src, `PNG8:${at('palette.png')}`]);
    run('convert', [src, '-depth', '16', `PNG48:${at('deep.png')}`]);
    const files = ['img.webp', 'img.gif', 'palette.png', 'deep.png'];
    const { out, pageMap } = await assemble({}, [{ id: 'credit-report', files }], 'formats.pdf');
    const s = pageMap.sections[2]!;
    expect(s.lastPage - s.firstPage + 1).toBe(4);
    const env = emptyFontConfig(inputs.dir);
    for (let p = s.firstPage; p <= s.lastPage; p += 1) {
      const r = renderGray(out, p, 20, env);
      expect(inkIn(r, [0, 0, 0.5, 0.5])).toBeGreaterThan(inkIn(r, [0.5, 0, 1, 0.5]));
    }
  });
});

describe('writeChecklist', () => {
  it('writes an A4 checklist with each material’s status, pages and seals, the printing rules and where to file', async () => {
    const materials = [
      { id: 'application-form', files: [inputs.form] },
      { id: 'financial-statements', files: [inputs.rotated] },
      { id: 'ethics-materials', notApplicable: true, reason: '不涉及' },
    ];
    const manifest = manifestOf({ materials: materials as never });
    const { pageMap } = await assembleChecked({ manifest, baseDir: inputs.dir, outPath: at('c-dossier.pdf') });
    const outPath = at('checklist.pdf');
    const findings = [
      {
        severity: 'error' as const,
        code: 'material-missing',
        subject: 'credit-report',
        message: '缺少“信用报告”：请添加文件。',
      },
      { severity: 'info' as const, code: 'voucher-budget', subject: 'costs', message: '模型券额度为0.00元。' },
    ];
    await writeChecklist({ manifest, profile: findProfile('sz-model-voucher-2025')!, pageMap, findings, outPath });
    expect(run('pdfinfo', [outPath])).toMatch(/Page size:\s+595\.28 x 841\.89/);
    const text = run('pdftotext', ['-q', '-layout', outPath, '-']).replace(/\s+/g, '');
    const fin = pageMap.sections.find((s) => s.id === 'financial-statements')!;
    expect(text).toContain('资助项目申请书［已附］');
    expect(text).toContain(`第${fin.firstNumber}–${fin.lastNumber}页`);
    expect(text).toContain('科技伦理及科技安全相关材料［不适用］');
    expect(text).toContain('加盖骑缝章');
    expect(text).toContain(
      '二、检查结果［错误］缺少“信用报告”：请添加文件。［提示］模型券额度为0.00元。三、打印与装订',
    );
    expect(text).toContain('市民中心B区');
    expect(text).toContain('0755-88102402');
    expect(text).toContain('i深圳');
  });
});
