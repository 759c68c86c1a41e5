/** Which marked pages the assembly still draws once a section's fore-edge is found crowded (see ink-map.ts). */
import { describe, expect, it } from 'vitest';
import { EdgeSettling } from '../../../electron/core/dossier/ink-map.ts';
import { emptyGrid, inkBox, placeEdge, type InkGrid } from '../../../electron/core/dossier/mark-places.ts';
import { A4, mm, type PlannedPage } from '../../../electron/core/dossier/types.ts';

type ContentPage = Extract<PlannedPage, { kind: 'content' }>;

function frontPage(physical: number, section: string, seal = false): ContentPage {
  return {
    physical,
    kind: 'content',
    section,
    source: { material: 0, file: 0, page: physical - 1 },
    marks: { crossPage: true, ...(seal ? { seal: 'bottom-right' as const } : {}) },
  };
}

/** Ink on the fore-edge from `from` to `to` (points up the sheet). */
function edgeInk(from: number, to: number): InkGrid {
  const grid = emptyGrid();
  inkBox(grid, [A4.width - mm(30), from, A4.width, to]);
  return grid;
}

describe('EdgeSettling', () => {
  it('keeps wanting the pages of a section while some height on its fore-edge is still free', () => {
    const edges = new EdgeSettling();
    edges.seen(frontPage(1, 'audit'), edgeInk(0, A4.height / 2));
    expect(edges.wanted(frontPage(3, 'audit'))).toBe(true);
  });

  it('stops wanting fore-edge-only pages once the pages seen leave no free height, as placeEdge would decide', () => {
    const edges = new EdgeSettling();
    const lower = edgeInk(0, A4.height / 2 + mm(5));
    const upper = edgeInk(A4.height / 2 - mm(5), A4.height);
    edges.seen(frontPage(1, 'audit'), lower);
    edges.seen(frontPage(3, 'audit'), upper);
    expect(placeEdge([lower, upper]).choice).toBe('crowded');
    expect(edges.wanted(frontPage(5, 'audit'))).toBe(false);
    // A page carrying the 公章 is still looked at; another section is not affected.
    expect(edges.wanted(frontPage(5, 'audit', true))).toBe(true);
    expect(edges.wanted(frontPage(7, 'contract'))).toBe(true);
  });

  it('does not count a page without the 骑缝章 towards the fore-edge', () => {
    const edges = new EdgeSettling();
    const sealOnly: ContentPage = { ...frontPage(2, 'audit', true), marks: { seal: 'bottom-right' } };
    edges.seen(sealOnly, edgeInk(0, A4.height));
    expect(edges.wanted(frontPage(3, 'audit'))).toBe(true);
  });
});
