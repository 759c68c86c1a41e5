/**
 * The dossier as drawn, read back only through qpdf and poppler: A4 everywhere, every source page present and
 * the right way up, numbers, blanks, seal marks, labels, outline, and Chinese text that renders with no fonts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageMap } from '../../../electron/core/dossier/types.ts';
import {
  A4,
  assembleChecked,
  emptyFontConfig,
  inkIn,
  manifestOf,
  pageText,
  qpdfJson,
  renderGray,
  run,
  runStatus,
  shownSizes,
  wordBoxes,
} from './helpers.ts';
import { makeInputs, type TestInputs } from './inputs.ts';

let inputs: TestInputs;
let out: string;
let map: PageMap;

const materials = (i: TestInputs) => [
  { id: 'application-form', files: [i.form] },
  { id: 'business-license', files: [i.photo] },
  { id: 'financial-statements', files: [i.rotated] },
  { id: 'credit-report', files: [i.tiff] },
  { id: 'authenticity-commitment', files: [i.alphaPng, i.grayPng] },
  { id: 'ethics-materials', notApplicable: true, reason: '不涉及科技伦理' },
  { id: 'service-contract', files: [i.mixed] },
  { id: 'construction-plan', exempt: '测试用' },
];

beforeAll(async () => {
  inputs = await makeInputs();
  out = path.join(inputs.dir, 'dossier.pdf');
  map = (
    await assembleChecked({ manifest: manifestOf({ materials: materials(inputs) }), baseDir: inputs.dir, outPath: out })
  ).pageMap;
}, 120_000);

afterAll(() => fs.rmSync(inputs.dir, { recursive: true, force: true }));

const section = (id: string) => map.sections.find((s) => s.id === id)!;

/** How the words TL…, MID…, BR… of `label` sit on a page: 'upright', 'cw', 'ccw', 'upside-down' or 'other'. */
function orientation(pdf: string, page: number, label: string): string {
  const words = wordBoxes(pdf, page);
  const centre = (w: string) => {
    const b = words.find((x) => x.word === w);
    if (!b) throw new Error(`${w} not on page ${page}`);
    return [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2] as const;
  };
  const [[ax, ay], [mx, my], [bx, by]] = [centre(`TL${label}`), centre(`MID${label}`), centre(`BR${label}`)];
  if (ax < mx && mx < bx && ay < my && my < by) return 'upright';
  if (ax > mx && mx > bx && ay > my && my > by) return 'upside-down';
  if (ax > mx && mx > bx && ay < my && my < by) return 'cw';
  if (ax < mx && mx < bx && ay > my && my > by) return 'ccw';
  return 'other';
}

describe('assembleDossier: the sheet', () => {
  it('writes a PDF qpdf finds sound, every page A4 portrait as shown', () => {
    expect(runStatus('qpdf', ['--check', out]).code).toBe(0);
    const sizes = shownSizes(out);
    expect(sizes).toHaveLength(map.pages);
    for (const [w, h] of sizes) {
      expect(Math.abs(w - A4[0])).toBeLessThan(1);
      expect(Math.abs(h - A4[1])).toBeLessThan(1);
    }
  });

  it('takes every source page, in order, in its material', () => {
    expect(map.sections.map((s) => [s.id, s.lastPage - s.firstPage + 1])).toEqual([
      ['cover', 1],
      ['toc', 1],
      ['application-form', 2],
      ['business-license', 1],
      ['financial-statements', 4],
      ['credit-report', 3],
      ['authenticity-commitment', 2],
      ['service-contract', 4],
    ]);
    const form = section('application-form');
    expect(pageText(out, form.firstPage)).toContain('MIDFORM1');
    expect(pageText(out, form.lastPage)).toContain('MIDFORM2');
    const mixed = section('service-contract');
    ['MIXA', 'MIXB', 'MIXC', 'MIXD'].forEach((label, k) =>
      expect(pageText(out, mixed.firstPage + k)).toContain(`MID${label}`),
    );
  });

  it('shows each rotated page as a viewer shows its source (/Rotate honoured)', () => {
    const src = path.join(inputs.dir, inputs.rotated);
    const first = section('financial-statements').firstPage;
    ['ROTA', 'ROTB', 'ROTC', 'ROTD'].forEach((label, k) => {
      expect(orientation(out, first + k, label)).toBe(orientation(src, k + 1, label));
    });
  });

  it('keeps every word of a Letter, an A3 landscape and a cropped page inside the sheet, upright', () => {
    const first = section('service-contract').firstPage;
    for (let k = 0; k < 4; k += 1) {
      for (const w of wordBoxes(out, first + k).filter((x) => /^(TL|MID|BR)MIX/.test(x.word))) {
        expect(w.x0).toBeGreaterThanOrEqual(0);
        expect(w.x1).toBeLessThanOrEqual(A4[0]);
        expect(w.y1).toBeLessThanOrEqual(A4[1]);
      }
      expect(orientation(out, first + k, ['MIXA', 'MIXB', 'MIXC', 'MIXD'][k]!)).toBe('upright');
    }
  });

  it('numbers every non-blank page in the bottom 25 mm, the cover being 1, and leaves blanks empty', () => {
    let n = 0;
    for (let p = 1; p <= map.pages; p += 1) {
      const footer = pageText(out, p, [0, Math.floor(A4[1] - 71), Math.ceil(A4[0]), 71]);
      if (map.blankPages.includes(p)) {
        expect(pageText(out, p).trim()).toBe('');
        continue;
      }
      n += 1;
      expect(footer).toMatch(new RegExp(`—\\s*${n}\\s*—`));
    }
    expect(map.blankPages).toEqual([2, 4, 8, 16]);
  });

  it('puts the number on the outer side in duplex: right on fronts, left on backs', () => {
    for (const p of [1, 3, 6]) {
      const num = wordBoxes(out, p)
        .filter((w) => /^\d+$/.test(w.word))
        .pop()!;
      if (p % 2 === 1) expect(num.x0).toBeGreaterThan(A4[0] / 2);
      else expect(num.x1).toBeLessThan(A4[0] / 2);
    }
  });

  it('marks the cover and each material’s first page with 盖章处, and the fronts of multi-page materials with 骑缝章', () => {
    expect(pageText(out, 1)).toContain('盖章处');
    for (const s of map.sections.slice(2)) {
      expect(pageText(out, s.firstPage)).toContain('盖章处');
      for (let p = s.firstPage; p <= s.lastPage; p += 1) {
        const hasMark = pageText(out, p).includes('骑缝章');
        expect(hasMark).toBe(s.lastPage > s.firstPage && p % 2 === 1);
      }
    }
    const mark = wordBoxes(out, section('financial-statements').firstPage).find((w) => w.word.includes('骑缝'))!;
    expect(mark.x1).toBeGreaterThan(A4[0] - 30);
  });

  it('labels pages with their printed numbers and bookmarks every section', () => {
    const json = qpdfJson(out, ['pagelabels', 'outlines']) as {
      pagelabels: { index: number; label: Record<string, unknown> }[];
      outlines: { title: string }[];
    };
    const start = json.pagelabels.find((l) => l.index === 2)!;
    expect(start.label['/St']).toBe(2);
    expect(json.outlines.map((o) => o.title)).toEqual(map.sections.map((s) => s.title));
  });

  it('lists every material in the contents with its page range, exempt and not-applicable ones without pages', () => {
    const toc = pageText(out, section('toc').firstPage).replace(/[ \t]+/g, ' ');
    const form = section('application-form');
    expect(toc).toMatch(new RegExp(`资助项目申请书.*${form.firstNumber}–${form.lastNumber}`));
    expect(toc).toMatch(/科技伦理及科技安全相关材料.*不适用/);
    expect(toc).toMatch(/申报项目建设方案.*免于提交/);
  });
});

describe('assembleDossier: images', () => {
  it('turns the EXIF-rotated photo upright and flattens transparency on white', () => {
    const env = emptyFontConfig(inputs.dir);
    const photo = renderGray(out, section('business-license').firstPage, 20, env);
    const quarters = [
      inkIn(photo, [0, 0, 0.5, 0.5]),
      inkIn(photo, [0.5, 0, 1, 0.5]),
      inkIn(photo, [0, 0.5, 0.5, 1]),
      inkIn(photo, [0.5, 0.5, 1, 1]),
    ];
    expect(Math.max(...quarters)).toBe(quarters[0]);
    const alpha = renderGray(out, section('authenticity-commitment').firstPage, 20, env);
    expect(inkIn(alpha, [0, 0, 0.3, 0.3])).toBeGreaterThan(0.2);
    expect(inkIn(alpha, [0.5, 0.4, 0.9, 0.8])).toBeLessThan(0.02);
  });

  it('passes the JPEG photo and the plain grey PNG data through untouched', () => {
    const pdf = fs.readFileSync(out);
    const jpeg = fs.readFileSync(path.join(inputs.dir, inputs.photo));
    expect(pdf.indexOf(jpeg)).toBeGreaterThan(0);
    const list = run('pdfimages', ['-list', out]);
    expect(list).toMatch(/\bjpeg\b/);
    expect(list).toMatch(/\bimage\s+240\s+340\s+gray\s+1\s+8\s+image\b/);
  });

  it('gives each TIFF page a page of its own, at most 300 dpi as placed', () => {
    const s = section('credit-report');
    expect(s.lastPage - s.firstPage + 1).toBe(3);
    for (const line of run('pdfimages', ['-list', out]).split('\n').slice(2)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 13) expect(Math.max(Number(cols[12]), Number(cols[13]))).toBeLessThanOrEqual(1000);
    }
  });
});

describe('assembleDossier: Chinese text without system fonts', () => {
  it('embeds a subset of WenQuanYi Micro Hei and renders the cover and contents with no fonts installed', () => {
    expect(run('pdffonts', [out])).toMatch(/[A-Z]{6}\+WenQuanYiMicroHei\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    const env = emptyFontConfig(inputs.dir);
    for (const page of [1, section('toc').firstPage]) {
      const r = renderGray(out, page, 40, env);
      expect(r.stderr).not.toMatch(/font/i);
      expect(inkIn(r, [0.1, 0.02, 0.9, 0.25])).toBeGreaterThan(0.005);
    }
  });
});
