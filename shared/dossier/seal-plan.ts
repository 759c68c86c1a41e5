/**
 * The seal plan (用印单): for each part of an assembled dossier, where its pages fall on the printed sheets, where
 * the 公章 goes and which sheets the 骑缝章 spans. Pure: it reads the page map the assembler answered.
 */
import type { PageMap } from '../contract/workflow.ts';
import { edgePlaceText, sealPlaceText, type SealCorner } from './mark-spots.ts';

type PageMapSection = PageMap['sections'][number];

/** How a material is to be sealed, as the profile says (`material.seal`). */
export interface SealRule {
  official: boolean;
  crossPageWhenMultiPage: boolean;
}

/** One side of one printed sheet. */
export interface SheetSide {
  sheet: number;
  side: 'front' | 'back';
}

export interface SealPlanRow {
  id: string;
  title: string;
  /** Printed page numbers (what the page shows). */
  firstNumber: number;
  lastNumber: number;
  /** Physical pages in the PDF, from 1. */
  firstPage: number;
  lastPage: number;
  pageCount: number;
  /** The sheets of paper it occupies, first and last (from 1). */
  firstSheet: number;
  lastSheet: number;
  sheetCount: number;
  /** Where the 公章 goes (its first page), or `null` when it needs none. */
  officialSeal: SheetSide | null;
  /** The sheets the 骑缝章 spans (every sheet of a multi-page part), empty when it needs none. */
  crossPageSheets: number[];
  /** Where on its page the 公章 goes ("右下角", "下半部左侧，避开已有印章"); null when unknown or not needed. */
  officialSealPlace: string | null;
  /** Where on the fore-edge the 骑缝章 goes ("右侧页边中部"); null when unknown or not needed. */
  crossPagePlace: string | null;
}

interface SealOptions {
  duplex: boolean;
  /** The corner chosen for the 公章: names the place when the page map does not (maps stored by older versions). */
  sealPosition?: SealCorner;
}

type PageMapEntry = NonNullable<PageMap['pageList']>[number];

function entryOf(pageMap: PageMap, physical: number): PageMapEntry | undefined {
  return pageMap.pageList?.find((e) => e.physical === physical);
}

function sealPlace(pageMap: PageMap, section: PageMapSection, options: SealOptions): string | null {
  const seal = entryOf(pageMap, section.firstPage)?.marks?.seal;
  if (seal) return sealPlaceText(seal.corner, seal);
  return options.sealPosition ? sealPlaceText(options.sealPosition, undefined) : null;
}

function edgePlace(pageMap: PageMap, section: PageMapSection): string | null {
  for (let p = section.firstPage; p <= section.lastPage; p += 1) {
    const edge = entryOf(pageMap, p)?.marks?.crossPage;
    if (edge) return edgePlaceText(edge);
  }
  return null;
}

/** The sheet a physical page is printed on: two pages a sheet in duplex, one in simplex. */
export function sheetOf(physicalPage: number, duplex: boolean): number {
  return duplex ? Math.ceil(physicalPage / 2) : physicalPage;
}

/** The side of its sheet a physical page is printed on (always the front in simplex). */
export function sideOf(physicalPage: number, duplex: boolean): SheetSide {
  const side = duplex && physicalPage % 2 === 0 ? 'back' : 'front';
  return { sheet: sheetOf(physicalPage, duplex), side };
}

const GENERATED_PARTS: Record<string, SealRule> = {
  cover: { official: true, crossPageWhenMultiPage: false },
  toc: { official: false, crossPageWhenMultiPage: false },
};

function rowOf(pageMap: PageMap, section: PageMapSection, options: SealOptions, rule: SealRule): SealPlanRow {
  const { duplex } = options;
  const firstSheet = sheetOf(section.firstPage, duplex);
  const lastSheet = sheetOf(section.lastPage, duplex);
  const pageCount = section.lastPage - section.firstPage + 1;
  const sheets = Array.from({ length: lastSheet - firstSheet + 1 }, (_, i) => firstSheet + i);
  const crossPage = rule.crossPageWhenMultiPage && pageCount > 1;
  return {
    id: section.id,
    title: section.title,
    firstNumber: section.firstNumber,
    lastNumber: section.lastNumber,
    firstPage: section.firstPage,
    lastPage: section.lastPage,
    pageCount,
    firstSheet,
    lastSheet,
    sheetCount: sheets.length,
    officialSeal: rule.official ? sideOf(section.firstPage, duplex) : null,
    crossPageSheets: crossPage ? sheets : [],
    officialSealPlace: rule.official ? sealPlace(pageMap, section, options) : null,
    crossPagePlace: crossPage ? edgePlace(pageMap, section) : null,
  };
}

/**
 * The seal plan of a dossier, with where on the page each mark is (from the page map's marks). `rules` gives each material's seal rule (by material id); the cover takes the 公章,
 * the contents none; a part with no rule is sealed like a material (公章, and 骑缝章 when it has several pages).
 *
 * @example
 * const rows = sealPlan(status.pageMap, { duplex: true }, Object.fromEntries(profile.materials.map((m) => [m.id, m.seal])));
 * rows[2].crossPageSheets // [3, 4, 5]: stamp the 骑缝章 across sheets 3 to 5
 */
export function sealPlan(pageMap: PageMap, options: SealOptions, rules: Record<string, SealRule> = {}): SealPlanRow[] {
  const fallback: SealRule = { official: true, crossPageWhenMultiPage: true };
  return pageMap.sections.map((s) => rowOf(pageMap, s, options, rules[s.id] ?? GENERATED_PARTS[s.id] ?? fallback));
}

/** One printed sheet: what is on its front and its back (physical pages; `null` for an empty back in simplex). */
export interface PrintedSheet {
  sheet: number;
  front: number;
  back: number | null;
}

/**
 * The sheets as they come out of the printer, for the front/back preview.
 * @example printedSheets({ pages: 3, … }, true) // [{sheet: 1, front: 1, back: 2}, {sheet: 2, front: 3, back: null}]
 */
export function printedSheets(pageMap: Pick<PageMap, 'pages'>, duplex: boolean): PrintedSheet[] {
  const sheets: PrintedSheet[] = [];
  const step = duplex ? 2 : 1;
  for (let page = 1; page <= pageMap.pages; page += step) {
    const back = duplex && page + 1 <= pageMap.pages ? page + 1 : null;
    sheets.push({ sheet: sheets.length + 1, front: page, back });
  }
  return sheets;
}

/** The section a physical page belongs to, or `null` for a blank page. */
export function sectionOfPage(pageMap: PageMap, physicalPage: number): PageMapSection | null {
  return pageMap.sections.find((s) => physicalPage >= s.firstPage && physicalPage <= s.lastPage) ?? null;
}

/** The printed number on a physical page, or `null` for a blank page. */
export function printedNumberOf(pageMap: PageMap, physicalPage: number): number | null {
  const section = sectionOfPage(pageMap, physicalPage);
  return section ? section.firstNumber + countNumbered(pageMap, section.firstPage, physicalPage) - 1 : null;
}

function countNumbered(pageMap: PageMap, from: number, to: number): number {
  let n = 0;
  for (let p = from; p <= to; p += 1) if (!pageMap.blankPages.includes(p)) n += 1;
  return n;
}
