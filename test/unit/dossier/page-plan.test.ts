import { describe, expect, it } from 'vitest';
import { decidePage, croppedSize } from '../../../electron/core/dossier/page-edit.ts';
import { planDossier } from '../../../electron/core/dossier/plan.ts';
import type { PageFindings } from '#shared/page-findings.ts';
import type { PlanInput, ShownPage } from '../../../electron/core/dossier/types.ts';

const image = { width: 1654, height: 2339, isImage: true };
const seal = { official: true, crossPageWhenMultiPage: true };

function input(pages: ShownPage[], duplex = false): PlanInput {
  return {
    options: { duplex, sealMarkers: true, landscape: 'fit', sealPosition: 'bottom-right' },
    materials: [
      { id: 'report', title: '审计报告', status: 'included', seal, files: [{ name: 'report.pdf', pages }] },
      { id: 'other', title: '其他', status: 'included', seal, files: [{ name: 'other.png', pages: [image] }] },
    ],
  };
}

function found(page: number, proposals: PageFindings['proposals']): PageFindings {
  return { page, blank: Boolean(proposals.skip), warnings: [], proposals };
}

describe('planDossier with page edits', () => {
  const blank = { ...image, edit: { skip: 'inspection' as const } };

  it('leaves skipped pages out: not printed, not numbered, listed as skipped', () => {
    const plan = planDossier(input([image, blank, image, blank]));
    const content = plan.pages.filter((p) => p.kind === 'content');
    expect(content.map((p) => p.kind === 'content' && p.source.page)).toEqual([0, 2, 0]);
    expect(plan.pages.map((p) => p.marks.number?.value)).toEqual([1, 2, 3, 4, 5]);
    expect(plan.pageMap.skipped).toEqual([
      { material: 'report', file: 'report.pdf', page: 2, by: 'inspection' },
      { material: 'report', file: 'report.pdf', page: 4, by: 'inspection' },
    ]);
  });

  it('prints a file’s pages in the clerk’s order, a left-out page staying out, the 公章 on the first printed', () => {
    const plan = input([image, blank, image, { ...image, width: 2000 }]);
    plan.materials[0]!.files[0]!.order = [3, 1, 0, 2];
    const content = planDossier(plan).pages.filter((p) => p.kind === 'content' && p.section === 'report');
    expect(content.map((p) => p.kind === 'content' && p.source.page)).toEqual([3, 0, 2]);
    expect(content.map((p) => p.marks.number?.value)).toEqual([3, 4, 5]);
    expect(content.map((p) => Boolean(p.marks.seal))).toEqual([true, false, false]);
    // Each page keeps its own placement: the wider fourth page, printed first, is laid out shorter than the others.
    const heights = content.map((p) => (p.kind === 'content' ? p.placement!.height : 0));
    expect(heights[0]).toBeLessThan(heights[1]!);
    expect(heights[1]).toBeCloseTo(heights[2]!);
  });

  it('gives each physical page its source (1-based) and the changes applied', () => {
    const turned = {
      ...image,
      clerkTurn: 180 as const,
      edit: { turn: { by: 'inspection' as const, degrees: 180 as const }, straighten: -2.5 },
    };
    const plan = planDossier(input([turned]));
    const entry = plan.pageMap.pageList!.find((e) => e.kind === 'content')!;
    expect(entry).toEqual({
      physical: 3,
      kind: 'content',
      number: 3,
      source: { material: 'report', file: 'report.pdf', page: 1 },
      changes: { turn: { by: 'inspection', degrees: 180 }, straighten: -2.5 },
    });
  });

  it('prints a split page as one numbered page per band, each placed at its own height', () => {
    const tall = {
      width: 1080,
      height: 8000,
      isImage: true,
      edit: {
        split: [
          { top: 0, bottom: 0.18 },
          { top: 0.18, bottom: 0.36 },
          { top: 0.36, bottom: 0.42 },
        ],
      },
    };
    const plan = planDossier(input([tall]));
    const parts = plan.pages.filter((p) => p.kind === 'content' && p.section === 'report');
    expect(parts.map((p) => p.marks.number?.value)).toEqual([3, 4, 5]);
    expect(plan.pageMap.pageList!.slice(2, 5).map((e) => e.changes?.split)).toEqual([
      { part: 1, of: 3 },
      { part: 2, of: 3 },
      { part: 3, of: 3 },
    ]);
    const placements = parts.map((p) => (p.kind === 'content' ? p.placement! : undefined)!);
    // Each band fills the column's width: the text keeps the size it had across the phone's screen.
    for (const pl of placements) expect(pl.width).toBeCloseTo(placements[0]!.width, 5);
    expect(placements[2]!.height).toBeLessThan(placements[1]!.height / 2);
  });

  it('starts the next material on a front in duplex counting only printed pages', () => {
    const plan = planDossier(input([image, blank, image], true));
    const other = plan.pageMap.sections.find((s) => s.id === 'other')!;
    expect(other.firstPage % 2).toBe(1);
    expect(plan.pageMap.sections.find((s) => s.id === 'report')!.lastNumber).toBe(4);
  });

  it('warns of a material all of whose pages were left out, as of a missing one', () => {
    const plan = planDossier(input([blank]));
    expect(plan.pageMap.sections.map((s) => s.id)).not.toContain('report');
    expect(plan.pageMap.warnings.join()).toContain('审计报告');
  });
});

describe('decidePage: the clerk wins', () => {
  const proposals = found(2, { skip: true, turn: 90, straighten: 1.5, reduceTo: 300 });
  const none = { turns: new Map(), autoFix: true };

  it('applies the proposals by default', () => {
    expect(decidePage(1, proposals, none)).toEqual({
      turn: 90,
      edit: { skip: 'inspection', turn: { by: 'inspection', degrees: 90 }, straighten: 1.5, reduceTo: 300 },
    });
  });

  it('applies none with autoFix off, but still the clerk’s own choices', () => {
    expect(decidePage(1, proposals, { turns: new Map(), autoFix: false, pages: { rotate: { '2': 180 } } })).toEqual({
      turn: 180,
      edit: { turn: { by: 'clerk', degrees: 180 } },
    });
  });

  it('keeps a page the clerk keeps, leaves out one the clerk skips', () => {
    expect(decidePage(1, proposals, { ...none, pages: { keep: [2] } }).edit.skip).toBeUndefined();
    expect(decidePage(0, undefined, { ...none, pages: { skip: [1] } }).edit.skip).toBe('clerk');
  });

  it('drops the straightening measured for another turn than the clerk’s', () => {
    expect(decidePage(1, proposals, { ...none, pages: { rotate: { '2': 270 } } }).edit.straighten).toBeUndefined();
  });

  it('lets a file switch one kind of proposal off, or on without autoFix', () => {
    const photo = found(1, {
      crop: [
        { x: 0.1, y: 0.1 },
        { x: 0.9, y: 0.1 },
        { x: 0.9, y: 0.9 },
        { x: 0.1, y: 0.9 },
      ],
    });
    expect(decidePage(0, photo, { ...none, pages: { crop: 'none' } }).edit.crop).toBeUndefined();
    expect(decidePage(0, photo, { turns: new Map(), autoFix: false, pages: { crop: 'auto' } }).edit.crop).toBeDefined();
  });
});

describe('croppedSize', () => {
  it('measures the flattened sheet by its mean side lengths', () => {
    expect(
      croppedSize(1000, 2000, [
        { x: 0.1, y: 0.1 },
        { x: 0.9, y: 0.1 },
        { x: 0.9, y: 0.9 },
        { x: 0.1, y: 0.9 },
      ]),
    ).toEqual({ width: 800, height: 1600 });
  });
});
