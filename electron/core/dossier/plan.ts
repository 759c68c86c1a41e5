/**
 * The page plan: for every physical page of the dossier, what it shows, its printed number and its marks.
 * Pure data in, pure data out — no files, no PDF objects — so every rule (duplex parity, numbering across
 * blanks, the contents' numbers, which side gets which mark) is tested on its own.
 */
import { A4_TOLERANCE, TOC_PER_PAGE, contentArea } from './layout.ts';
import { croppedSize } from './page-edit.ts';
import {
  A4,
  type NumberSide,
  type PageChanges,
  type PageMap,
  type PageMapEntry,
  type PagePart,
  type PageMapSection,
  type PagePlan,
  type PlanInput,
  type PlanMaterial,
  type Placement,
  type PlannedPage,
  type QuarterTurn,
  type ShownPage,
  type SkippedPage,
  type TocEntry,
} from './types.ts';

export const COVER_TITLE = '封面';
export const TOC_TITLE = '目录';

/** True when a box of this size is A4 portrait (within a point). */
export function isA4Portrait(width: number, height: number): boolean {
  return Math.abs(width - A4.width) <= A4_TOLERANCE && Math.abs(height - A4.height) <= A4_TOLERANCE;
}

/**
 * Where one source page goes on the sheet.
 * - A4 portrait as shown after the clerk's turn: copied whole (turned as the clerk asked), at full size.
 * - Otherwise fitted into the printable area, centred across and aligned to the top. PDF pages are only ever
 *   shrunk (a small receipt stays its size); images have no physical size and are scaled to fill the area.
 * - A page that shows landscape stays upright and is scaled down (`fit`), or with `turn` is turned a quarter
 *   anticlockwise, its top to the binding edge, to fill the sheet. The clerk's own turn of a page wins.
 */
export function placePage(page: ShownPage & { width: number; height: number }, landscape: 'fit' | 'turn'): Placement {
  const clerk = page.clerkTurn ?? 0;
  let [w, h] = clerk % 180 === 0 ? [page.width, page.height] : [page.height, page.width];
  // Shown A4 portrait once the clerk's turn is applied (upright, upside down, or a landscape A4 turned upright):
  // copied whole, turned, at the size of its neighbours rather than shrunk into the margins.
  if (!page.isImage && isA4Portrait(w, h)) {
    return { mode: 'copy', turn: clerk, scale: 1, x: 0, y: 0, width: A4.width, height: A4.height };
  }
  let turn: QuarterTurn = clerk;
  // A turn the clerk set, even 0 ("leave it as it is"), overrides the landscape rule for that page.
  if (page.clerkTurn === undefined && landscape === 'turn' && w > h) {
    turn = 270;
    [w, h] = [h, w];
  }
  let scale = Math.min(contentArea.width / w, contentArea.height / h);
  if (!page.isImage) scale = Math.min(scale, 1);
  const width = w * scale;
  const height = h * scale;
  const x = contentArea.x + (contentArea.width - width) / 2;
  const y = contentArea.y + contentArea.height - height;
  return { mode: 'fit', turn, scale, x, y, width, height };
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

function planMaterial(list: PageList, input: PlanInput, index: number): void {
  const material = input.materials[index]!;
  const { duplex, sealMarkers, landscape, sealPosition } = input.options;
  const multiPage = printedCount(material) > 1;
  list.startOnFront();
  let first = true;
  material.files.forEach((file, fileIndex) => {
    file.pages.forEach((shown, pageIndex) => {
      if (shown.edit?.skip) return;
      for (const { part, width, height } of partsOf(shown)) {
        const physical = list.nextPhysical;
        const isFront = !duplex || physical % 2 === 1;
        list.pages.push({
          physical,
          kind: 'content',
          section: material.id,
          source: { material: index, file: fileIndex, page: pageIndex },
          ...(width && height ? { placement: placePage({ ...shown, width, height }, landscape) } : {}),
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

/** Contents pages needed for this many entries (at least one). */
export function tocPageCount(entries: number): number {
  return Math.max(1, Math.ceil(entries / TOC_PER_PAGE));
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
  const tocPages = tocPageCount(input.materials.length);
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
  return { pages: list.pages, toc: tocEntries(input, pageMap), tocPerPage: TOC_PER_PAGE, tocPages, pageMap };
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
