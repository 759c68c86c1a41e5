/**
 * What the materials step says on each page's thumbnail and on the card, and what one click on a badge sends to
 * `pages:decide`: from pages as `pages:get` answers them (proposals, the clerk's decisions, what the dossier applies).
 */
import { describe, expect, it } from 'vitest';
import type { FilePage } from '#shared/contract/index.ts';
import type { PageFindings } from '#shared/page-findings.ts';
import { pageBadges, pageChangeCount, pageWarningLines } from '../../renderer/src/components/page-badges.ts';

const findings = (page: number, more: Partial<PageFindings> = {}): PageFindings => ({
  page,
  blank: false,
  warnings: [],
  proposals: {},
  ...more,
});
const filePage = (page: number, more: Partial<FilePage> = {}): FilePage => ({
  page,
  findings: findings(page),
  said: [],
  decision: {},
  applied: {},
  ...more,
});
const texts = (p: FilePage) => pageBadges(p).map((b) => `${b.text}${b.undo ? `|${b.undo.label}` : ''}`);

describe('the badges on a page’s thumbnail', () => {
  it('offers to keep a blank back the inspection leaves out, and to leave it out again once kept', () => {
    const blank = findings(2, { blank: true, proposals: { skip: true } });
    const proposed = filePage(2, { findings: blank, applied: { skip: 'inspection' } });
    expect(texts(proposed)).toEqual(['略去空白背面|撤销']);
    expect(pageBadges(proposed)[0]!.undo!.choice).toEqual({ skip: false });
    const kept = filePage(2, { findings: blank, decision: { skip: false } });
    expect(texts(kept)).toEqual(['保留（不略去）|恢复略去']);
    expect(pageBadges(kept)[0]!.undo!.choice).toEqual({ skip: null });
  });

  it('takes back the clerk’s own leave-out, and shows nothing else on a page left out', () => {
    const left = filePage(1, { decision: { skip: true }, applied: { skip: 'clerk', straighten: 1.2 } });
    expect(texts(left)).toEqual(['已略去|撤销']);
    expect(pageBadges(left)[0]!.undo!.choice).toEqual({ skip: null });
  });

  it('undoes a turn by keeping the page as scanned, and brings the turn back from there', () => {
    const upsideDown = findings(3, { orientation: 180, proposals: { turn: 180 } });
    const turned = filePage(3, { findings: upsideDown, applied: { turn: { by: 'inspection', degrees: 180 } } });
    expect(texts(turned)).toEqual(['已转正 180°|撤销']);
    expect(pageBadges(turned)[0]!.undo!.choice).toEqual({ turn: 0 });
    const asScanned = filePage(3, {
      findings: upsideDown,
      decision: { turn: 0 },
      applied: { turn: { by: 'clerk', degrees: 0 } },
    });
    expect(texts(asScanned)).toEqual(['保持原方向|恢复转正']);
    expect(pageBadges(asScanned)[0]!.undo!.choice).toEqual({ turn: null });
  });

  it('undoes the clerk’s own turn of an upright page by taking it back', () => {
    const turned = filePage(1, { decision: { turn: 90 }, applied: { turn: { by: 'clerk', degrees: 90 } } });
    expect(texts(turned)).toEqual(['已顺时针转 90°|撤销']);
    expect(pageBadges(turned)[0]!.undo!.choice).toEqual({ turn: null });
    expect(texts(filePage(1, { decision: { turn: 0 }, applied: { turn: { by: 'clerk', degrees: 0 } } }))).toEqual([]);
  });

  it('names straightening, cropping, splitting, reducing and a legibility warning', () => {
    const photo = filePage(1, {
      findings: findings(1, { dpi: 96, warnings: ['low-resolution'] }),
      applied: { straighten: -2.04, crop: true, split: 3, reduceTo: 300 },
    });
    expect(texts(photo)).toEqual([
      '已纠斜 2.0°|撤销',
      '已裁切照片|撤销',
      '已拆分长图（3 页）|撤销',
      '已压缩到 300 dpi|撤销',
      '清晰度不足',
    ]);
    expect(pageBadges(photo).at(-1)!.tone).toBe('warn');
  });

  it('turns an automatic fix off for the whole file, and shows it off with a button to turn it back on', () => {
    const corners = [
      { x: 0.1, y: 0.1 },
      { x: 0.9, y: 0.1 },
      { x: 0.9, y: 0.9 },
      { x: 0.1, y: 0.9 },
    ] as const;
    const proposals = { crop: [...corners] as PageFindings['proposals']['crop'], reduceTo: 300 };
    const cropped = filePage(1, { findings: findings(1, { proposals }), applied: { crop: true, reduceTo: 300 } });
    const undoCrop = pageBadges(cropped).find((b) => b.kind === 'crop')!.undo!;
    expect(undoCrop.choice).toEqual({ fixes: { crop: false } });
    expect(undoCrop.scope).toBe('整份文件都不再裁切照片');

    const uncropped = filePage(1, {
      findings: findings(1, { proposals }),
      decision: { fixesOff: ['crop'] },
      applied: { reduceTo: 300 },
    });
    expect(texts(uncropped)).toEqual(['不裁切照片（整份文件）|恢复裁切照片', '已压缩到 300 dpi|撤销']);
    expect(pageBadges(uncropped)[0]!.undo!.choice).toEqual({ fixes: { crop: null } });
    expect(pageBadges(uncropped)[0]!.tone).toBe('choice');

    const unsplit = filePage(2, {
      findings: findings(2, {
        proposals: {
          split: [
            { top: 0, bottom: 0.5 },
            { top: 0.5, bottom: 1 },
          ],
        },
      }),
      decision: { fixesOff: ['split', 'straighten'] },
    });
    expect(texts(unsplit)).toEqual(['不拆分长图（整份文件）|恢复拆分长图']);
    expect(texts(filePage(3, { decision: { fixesOff: ['crop'] } }))).toEqual([]);
    expect(pageChangeCount([uncropped, unsplit])).toBe(
      '已压缩 1 页，按您的选择不裁切照片 1 页，按您的选择不拆分长图 1 页',
    );
  });

  it('has no badge on a page nothing is done to, nor before the inspection', () => {
    expect(pageBadges(filePage(1))).toEqual([]);
    expect(pageBadges(filePage(1, { findings: null }))).toEqual([]);
  });
});

describe('the count on the card', () => {
  it('counts each kind of change once per page, proposals before the clerk’s choices', () => {
    const pages = [
      filePage(1),
      filePage(2, { applied: { skip: 'inspection' } }),
      filePage(3, { applied: { turn: { by: 'inspection', degrees: 180 } } }),
      filePage(4, { applied: { skip: 'inspection', turn: { by: 'inspection', degrees: 90 } } }),
      filePage(5, { applied: { skip: 'clerk' } }),
      filePage(6, { applied: { turn: { by: 'clerk', degrees: 270 } } }),
      filePage(7, { applied: { turn: { by: 'clerk', degrees: 0 } } }),
      filePage(8, { findings: findings(8, { warnings: ['too-dark'] }) }),
    ];
    expect(pageChangeCount(pages)).toBe(
      '已略去 2 页空白背面，按您的选择略去 1 页，已转正 1 页，按您的选择转动 1 页，1 页清晰度不足，建议重新扫描',
    );
  });

  it('says nothing when no page is changed', () => {
    expect(pageChangeCount([filePage(1), filePage(2)])).toBeUndefined();
  });
});

describe('the legibility warnings under the strip', () => {
  it('names the page and says what to do, for the pages that are printed', () => {
    const dark = findings(3, { warnings: ['too-dark'] });
    const pages = [
      filePage(1),
      filePage(3, { findings: dark, said: ['页面过暗，建议调亮后重新扫描'] }),
      filePage(4, {
        findings: findings(4, { dpi: 96, warnings: ['low-resolution'], proposals: { turn: 90 } }),
        said: ['内容方向不正，将顺时针旋转 90°', '分辨率偏低（约 96 dpi，低于 150 dpi），打印后小字可能看不清'],
      }),
      filePage(5, { findings: dark, said: ['页面过暗，建议调亮后重新扫描'], applied: { skip: 'clerk' } }),
    ];
    expect(pageWarningLines(pages)).toEqual([
      '第 3 页：页面过暗，建议调亮后重新扫描',
      '第 4 页：分辨率偏低（约 96 dpi，低于 150 dpi），打印后小字可能看不清',
    ]);
  });
});
