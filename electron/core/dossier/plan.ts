/**
 * The page plan: for every physical page of the dossier, what it shows, its printed number and its marks.
 * Pure data in, pure data out — no files, no PDF objects — so every rule (duplex parity, numbering across
 * blanks, the contents' numbers, which side gets which mark) is tested on its own.
 */
import { A4_TOLERANCE, TOC_PER_PAGE, contentArea } from './layout.ts';
import {
  A4,
  type NumberSide,
  type PageMap,
  type PageMapSection,
  type PagePlan,
  type PlanInput,
  type PlanMaterial,
  type Placement,
  type PlannedPage,
  type QuarterTurn,
  type ShownPage,
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

function pageCount(material: PlanMaterial): number {
  return material.files.reduce((n, f) => n + f.pages.length, 0);
}

function planMaterial(list: PageList, input: PlanInput, index: number): void {
  const material = input.materials[index]!;
  const { duplex, sealMarkers, landscape, sealPosition } = input.options;
  const multiPage = pageCount(material) > 1;
  list.startOnFront();
  let first = true;
  material.files.forEach((file, fileIndex) => {
    file.pages.forEach((shown, pageIndex) => {
      const physical = list.nextPhysical;
      const isFront = !duplex || physical % 2 === 1;
      list.pages.push({
        physical,
        kind: 'content',
        section: material.id,
        source: { material: index, file: fileIndex, page: pageIndex },
        ...(shown.width && shown.height ? { placement: placePage({ ...shown, width: shown.width, height: shown.height }, landscape) } : {}),
        marks: {
          number: list.numberFor(physical),
          ...(sealMarkers && first && material.seal.official ? { seal: sealPosition } : {}),
          ...(sealMarkers && multiPage && isFront && material.seal.crossPageWhenMultiPage ? { crossPage: true } : {}),
        },
      });
      first = false;
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
  const list = new PageList(duplex);
  list.pages.push({ physical: 1, kind: 'cover', section: 'cover', marks: { number: list.numberFor(1), ...(sealMarkers ? { seal: sealPosition } : {}) } });
  if (duplex) list.blank();
  const tocPages = tocPageCount(input.materials.length);
  for (let i = 0; i < tocPages; i += 1) {
    const physical = list.nextPhysical;
    list.pages.push({ physical, kind: 'toc', section: 'toc', tocIndex: i, marks: { number: list.numberFor(physical) } });
  }
  input.materials.forEach((m, i) => {
    if (m.status === 'included' && pageCount(m) > 0) planMaterial(list, input, i);
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
    const number = page.marks.number!.value;
    const last = sections[sections.length - 1];
    if (last && last.id === page.section) {
      last.lastPage = page.physical;
      last.lastNumber = number;
    } else {
      const title = sectionTitle(page.section, input);
      sections.push({ id: page.section, title, firstPage: page.physical, lastPage: page.physical, firstNumber: number, lastNumber: number });
    }
  }
  const warnings = input.materials
    .filter((m) => m.status === 'missing' || (m.status === 'included' && pageCount(m) === 0))
    .map((m) => `材料“${m.title}”（${m.id}）还没有文件，卷宗里没有这一项；请添加文件，或标记为免交/不适用。`);
  return { pages: pages.length, sections, blankPages, warnings, notices: [] };
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
