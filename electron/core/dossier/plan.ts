/**
 * The page plan: for every physical page of the dossier, what it shows, its printed number and its marks.
 * Pure data in, pure data out — no files, no PDF objects — so every rule (duplex parity, numbering across
 * blanks, the contents' numbers, which side gets which mark) is tested on its own.
 */
import { SIZE_TOLERANCE, contentAreaOf, tocPerPage } from './layout.ts';
import { croppedSize } from './page-edit.ts';
import {
  A4,
  SHEETS,
  type NumberSide,
  type PageChanges,
  type PageMap,
  type PageMapEntry,
  type PagePart,
  type PageMapSection,
  type PagePlan,
  type PlanInput,
  type PlanFile,
  type PlanMaterial,
  type Placement,
  type PlannedPage,
  type QuarterTurn,
  type Sheet,
  type SheetRule,
  type ShownPage,
  type SkippedPage,
  type TocEntry,
} from './types.ts';

export const COVER_TITLE = '封面';
export const TOC_TITLE = '目录';

/** The 2025 call's rule: everything on A4. */
const A4_RULE: SheetRule = { sheet: A4, keepsOwnSize: false };

function isSize(width: number, height: number, sheet: Sheet): boolean {
  return Math.abs(width - sheet.width) <= SIZE_TOLERANCE && Math.abs(height - sheet.height) <= SIZE_TOLERANCE;
}

/** True when a box of this size is A4 portrait (within a point). */
export function isA4Portrait(width: number, height: number): boolean {
  return isSize(width, height, A4);
}

/** The paper size (portrait) a box of this size is, either way up; undefined when it is none of them. */
export function paperSizeOf(width: number, height: number): Sheet | undefined {
  return Object.values(SHEETS).find((s) => isSize(width, height, s) || isSize(height, width, s));
}

/** The rule a material's pages are laid by: the call's sheet, and whether the profile lets it keep its own size. */
export function sheetRuleOf(input: Pick<PlanInput, 'paper'>, material?: Pick<PlanMaterial, 'keepsOwnSize'>): SheetRule {
  return { sheet: input.paper?.sheet ?? A4, keepsOwnSize: material?.keepsOwnSize ?? false };
}

/**
 * A PDF page of a paper size its material may keep (an A3 drawing where the guide says "A4纸（特殊规定的除外）"):
 * copied whole on a sheet of its own size, upright as shown, or turned a quarter like any landscape page.
 */
function keptOwnSize(
  w: number,
  h: number,
  clerk: QuarterTurn,
  turnLandscape: boolean,
  sheet: Sheet,
): Placement | undefined {
  const own = paperSizeOf(w, h);
  if (!own || own === sheet) return undefined;
  const turn: QuarterTurn = turnLandscape && w > h ? 270 : clerk;
  const [width, height] = turn === clerk ? [w, h] : [h, w];
  return { mode: 'copy', sheet: { width, height }, turn, scale: 1, x: 0, y: 0, width, height };
}

/**
 * Where one source page goes, and on which sheet (`rule`: the call's paper; A4 when not given).
 * - The sheet's size, portrait, as shown after the clerk's turn: copied whole (turned as the clerk asked), at full size.
 * - In a material that may keep its own size, a PDF page of a paper size (A3, A4, B5, letter) is copied whole on a
 *   sheet of that size.
 * - Otherwise fitted into the printable area, centred across and aligned to the top. PDF pages are only ever
 *   shrunk (a small receipt stays its size); images have no physical size and are scaled to fill the area.
 * - A page that shows landscape stays upright and is scaled down (`fit`), or with `turn` is turned a quarter
 *   anticlockwise, its top to the binding edge, to fill the sheet. The clerk's own turn of a page wins.
 */
export function placePage(
  page: ShownPage & { width: number; height: number },
  landscape: 'fit' | 'turn',
  rule: SheetRule = A4_RULE,
): Placement {
  const { sheet } = rule;
  const clerk = page.clerkTurn ?? 0;
  let [w, h] = clerk % 180 === 0 ? [page.width, page.height] : [page.height, page.width];
  // Shown the sheet's size once the clerk's turn is applied (upright, upside down, or a landscape page turned
  // upright): copied whole, turned, at the size of its neighbours rather than shrunk into the margins.
  if (!page.isImage && isSize(w, h, sheet)) {
    return { mode: 'copy', sheet, turn: clerk, scale: 1, x: 0, y: 0, width: sheet.width, height: sheet.height };
  }
  // A turn the clerk set, even 0 ("leave it as it is"), overrides the landscape rule for that page.
  const turnLandscape = page.clerkTurn === undefined && landscape === 'turn';
  const kept = !page.isImage && rule.keepsOwnSize ? keptOwnSize(w, h, clerk, turnLandscape, sheet) : undefined;
  if (kept) return kept;
  let turn: QuarterTurn = clerk;
  if (turnLandscape && w > h) {
    turn = 270;
    [w, h] = [h, w];
  }
  const area = contentAreaOf(sheet);
  let scale = Math.min(area.width / w, area.height / h);
  if (!page.isImage) scale = Math.min(scale, 1);
  const width = w * scale;
  const height = h * scale;
  const x = area.x + (area.width - width) / 2;
  const y = area.y + area.height - height;
  return { mode: 'fit', sheet, turn, scale, x, y, width, height };
}

function numberSide(physical: number, duplex: boolean): NumberSide {
  if (!duplex) return 'center';
  return physical % 2 === 1 ? 'right' : 'left';
}

/** A mutable cursor over the pages being planned. */
class PageList {
  readonly pages: PlannedPage[] = [];
  private printed = 0;
  constructor(private readonly duplex: boolean) {}

  get nextPhysical(): number {
    return this.pages.length + 1;
  }

  /** The next printed number; call once per non-blank page. */
  numberFor(physical: number): { value: number; side: NumberSide } {
    this.printed += 1;
    return { value: this.printed, side: numberSide(physical, this.duplex) };
  }

  blank(): void {
    this.pages.push({ physical: this.nextPhysical, kind: 'blank', marks: {} });
  }

  /** In duplex, a blank back so that the next page is a front (odd physical page). */
  startOnFront(): void {
    if (this.duplex && this.nextPhysical % 2 === 0) this.blank();
  }
}

/** Pages the material prints: source pages not left out, a split page counting once per part. */
function printedCount(material: PlanMaterial): number {
  return material.files.reduce(
    (n, f) => n + f.pages.reduce((k, p) => k + (p.edit?.skip ? 0 : (p.edit?.split?.length ?? 1)), 0),
    0,
  );
}

/** The parts a source page is printed as, each with the size it shows (the whole page when not split). */
function partsOf(shown: ShownPage): { part?: PagePart; width?: number; height?: number }[] {
  let { width, height } = shown;
  if (width && height && shown.edit?.crop) ({ width, height } = croppedSize(width, height, shown.edit.crop));
  const bands = shown.edit?.split;
  if (!bands || !width || !height) return [{ width, height }];
  return bands.map((band, index) => ({
    part: { index, of: bands.length, band },
    width,
    height: Math.max(1, Math.round(height! * (band.bottom - band.top))),
  }));
}

/** The indexes of a file's pages in the order they are printed. */
function printOrder(file: PlanFile): number[] {
  return file.order ?? file.pages.map((_, i) => i);
}

function planMaterial(list: PageList, input: PlanInput, index: number): void {
  const material = input.materials[index]!;
  const { duplex, sealMarkers, landscape, sealPosition } = input.options;
  const multiPage = printedCount(material) > 1;
  const rule = sheetRuleOf(input, material);
  list.startOnFront();
  let first = true;
  material.files.forEach((file, fileIndex) => {
    printOrder(file).forEach((pageIndex) => {
      const shown = file.pages[pageIndex]!;
      if (shown.edit?.skip) return;
      for (const { part, width, height } of partsOf(shown)) {
        const physical = list.nextPhysical;
        const isFront = !duplex || physical % 2 === 1;
        list.pages.push({
          physical,
          kind: 'content',
          section: material.id,
          source: { material: index, file: fileIndex, page: pageIndex },
          ...(width && height ? { placement: placePage({ ...shown, width, height }, landscape, rule) } : {}),
          ...(shown.edit && Object.keys(shown.edit).length > 0 ? { edit: shown.edit } : {}),
          ...(part ? { part } : {}),
          marks: {
            number: list.numberFor(physical),
            ...(sealMarkers && first && material.seal.official ? { seal: sealPosition } : {}),
            ...(sealMarkers && multiPage && isFront && material.seal.crossPageWhenMultiPage ? { crossPage: true } : {}),
          },
        });
        first = false;
      }
    });
  });
}

/** Contents pages needed for this many entries (at least one), `perPage` to a page. */
export function tocPageCount(entries: number, perPage: number): number {
  return Math.max(1, Math.ceil(entries / perPage));
}

/** Plans the whole dossier: cover, contents, then each included material starting on a front in duplex. */
export function planDossier(input: PlanInput): PagePlan {
  const { duplex, sealMarkers, sealPosition } = input.options;
  const paper = input.paper ?? { numberCover: true, numberContents: true, sealOnCover: true };
  const list = new PageList(duplex);
  const numbered = (yes: boolean, physical: number) => (yes ? { number: list.numberFor(physical) } : {});
  list.pages.push({
    physical: 1,
    kind: 'cover',
    section: 'cover',
    marks: { ...numbered(paper.numberCover, 1), ...(sealMarkers && paper.sealOnCover ? { seal: sealPosition } : {}) },
  });
  if (duplex) list.blank();
  const sheet = sheetRuleOf(input).sheet;
  const perPage = tocPerPage(sheet);
  const tocPages = tocPageCount(input.materials.length, perPage);
  for (let i = 0; i < tocPages; i += 1) {
    const physical = list.nextPhysical;
    list.pages.push({
      physical,
      kind: 'toc',
      section: 'toc',
      tocIndex: i,
      marks: numbered(paper.numberContents, physical),
    });
  }
  input.materials.forEach((m, i) => {
    if (m.status === 'included' && printedCount(m) > 0) planMaterial(list, input, i);
  });
  const pageMap = pageMapOf(list.pages, input);
  return { sheet, pages: list.pages, toc: tocEntries(input, pageMap), tocPerPage: perPage, tocPages, pageMap };
}

function sectionTitle(id: string, input: PlanInput): string {
  if (id === 'cover') return COVER_TITLE;
  if (id === 'toc') return TOC_TITLE;
  return input.materials.find((m) => m.id === id)?.title ?? id;
}

function pageMapOf(pages: PlannedPage[], input: PlanInput): PageMap {
  const sections: PageMapSection[] = [];
  const blankPages: number[] = [];
  for (const page of pages) {
    if (page.kind === 'blank') {
      blankPages.push(page.physical);
      continue;
    }
    const number = page.marks.number?.value ?? 0;
    const last = sections[sections.length - 1];
    if (last && last.id === page.section) {
      last.lastPage = page.physical;
      last.lastNumber = number;
    } else {
      const title = sectionTitle(page.section, input);
      sections.push({
        id: page.section,
        title,
        firstPage: page.physical,
        lastPage: page.physical,
        firstNumber: number,
        lastNumber: number,
      });
    }
  }
  const warnings = input.materials
    .filter((m) => m.status === 'missing' || (m.status === 'included' && printedCount(m) === 0))
    .map((m) => `材料“${m.title}”（${m.id}）还没有文件，卷宗里没有这一项；请添加文件，或标记为免交/不适用。`);
  return {
    pages: pages.length,
    sections,
    blankPages,
    warnings,
    pageList: pages.map((p) => pageMapEntry(p, input)),
    skipped: skippedPages(input),
    notices: [],
  };
}

function changesOf(page: Extract<PlannedPage, { kind: 'content' }>): PageChanges | undefined {
  const { edit, part } = page;
  const changes: PageChanges = {};
  if (edit?.turn && edit.turn.degrees !== 0) changes.turn = edit.turn;
  if (edit?.straighten) changes.straighten = edit.straighten;
  if (edit?.crop) changes.crop = true;
  if (part) changes.split = { part: part.index + 1, of: part.of };
  if (edit?.reduceTo) changes.reduceTo = edit.reduceTo;
  return Object.keys(changes).length > 0 ? changes : undefined;
}

function pageMapEntry(page: PlannedPage, input: PlanInput): PageMapEntry {
  const entry: PageMapEntry = {
    physical: page.physical,
    kind: page.kind,
    ...(page.marks.number ? { number: page.marks.number.value } : {}),
  };
  if (page.kind !== 'content') return entry;
  const material = input.materials[page.source.material]!;
  entry.source = { material: material.id, file: material.files[page.source.file]!.name, page: page.source.page + 1 };
  const changes = changesOf(page);
  return changes ? { ...entry, changes } : entry;
}

function skippedPages(input: PlanInput): SkippedPage[] {
  return input.materials.flatMap((m) =>
    m.status !== 'included'
      ? []
      : m.files.flatMap((f) =>
          f.pages.flatMap((p, i) =>
            p.edit?.skip ? [{ material: m.id, file: f.name, page: i + 1, by: p.edit.skip }] : [],
          ),
        ),
  );
}

function tocEntries(input: PlanInput, pageMap: PageMap): TocEntry[] {
  return input.materials.map((m) => {
    const section = pageMap.sections.find((s) => s.id === m.id);
    const status = m.status === 'included' && !section ? 'missing' : m.status;
    return {
      id: m.id,
      title: m.title,
      status,
      ...(m.reason ? { reason: m.reason } : {}),
      ...(section ? { firstNumber: section.firstNumber, lastNumber: section.lastNumber } : {}),
    };
  });
}
