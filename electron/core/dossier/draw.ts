/**
 * Draws a page plan into a PDF file, page by page, one input file at a time: each input is read, its pages
 * and everything they use written out, then let go before the next one.
 */
import { randomBytes } from 'node:crypto';
import { PDFName, PDFPageTree, PDFRef, type PDFDocument } from './pdf-lib.ts';
import { Content, FONT_NAME } from './content.ts';
import { dossierText, subsetName, type TextFont } from './font.ts';
import { fontObjects, type SubsetText } from './ttf.ts';
import { encodeImage, type ImageXObject, type PreparedImage } from './image-input.ts';
import { drawMarks, type NumberStyle } from './marks.ts';
import { ObjectCopier, num } from './object-copier.ts';
import type { PaperLoss } from './annotations.ts';
import { checkPaperCopy } from './paper-copy.ts';
import { readPageContent } from './page-content.ts';
import { openPdf, type PreparedPdf } from './pdf-input.ts';
import { PdfFileWriter } from './pdf-writer.ts';
import { ReadBuffers } from './read-buffers.ts';
import { writeSourcePage, type PageTarget } from './source-page.ts';
import { addTurns, cm, placementMatrix, withTilt } from './transform.ts';
import type { PagePlan, Placement, PlannedPage, Sheet } from './types.ts';

export type ContentPage = Extract<PlannedPage, { kind: 'content' }>;
/** Where page `page` (0-based) of the file being drawn goes, given its size as shown. */
export type PagePlacer = (page: number, shown: { width: number; height: number }) => Placement;

const box = (sheet: Sheet) => `[0 0 ${num(sheet.width)} ${num(sheet.height)}]`;

/** A Unicode string as a PDF text string (UTF-16BE with a byte-order mark). */
export function pdfText(text: string): string {
  const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  return `<${utf16.toString('hex').toUpperCase()}>`;
}

export class DossierDrawer {
  private readonly writer: PdfFileWriter;
  private readonly readBuffers = new ReadBuffers();
  private readonly pageNums: number[];
  private readonly pagesNum: number;
  private readonly fontNum: number;
  /** The sheet of the page written last: a blank back is printed on the same paper as its front. */
  private lastSheet: Sheet;

  private constructor(
    filePath: string,
    private readonly plan: PagePlan,
    private readonly text: SubsetText,
    private readonly numberStyle: NumberStyle,
  ) {
    this.writer = new PdfFileWriter(filePath);
    this.pagesNum = this.writer.allocate();
    this.fontNum = this.writer.allocate();
    this.pageNums = plan.pages.map(() => this.writer.allocate());
    this.lastSheet = plan.sheet;
  }

  static async open(filePath: string, plan: PagePlan, numberStyle: NumberStyle): Promise<DossierDrawer> {
    return new DossierDrawer(filePath, plan, dossierText(), numberStyle);
  }

  get font(): TextFont {
    return this.text;
  }

  /** The page's marks (number, seals) as content, in the coordinates of the sheet it is printed on. */
  overlay(page: PlannedPage, sheet: Sheet): string {
    this.lastSheet = sheet;
    const c = new Content(this.font);
    drawMarks(c, page.marks, this.numberStyle, sheet, page.kind === 'cover');
    return c.toString();
  }

  private pageObject(physical: number, contents: string, sheet: Sheet): void {
    const fonts = `/Resources<</Font<<${FONT_NAME} ${this.fontNum} 0 R>>>>`;
    this.writer.object(
      this.pageNums[physical - 1]!,
      `<</Type/Page/Parent ${this.pagesNum} 0 R/MediaBox${box(sheet)}${fonts}${contents}>>`,
    );
  }

  /**
   * A page the dossier draws itself (cover, contents) on the call's paper, or a blank page when `content` is
   * undefined, on the paper of the page before it (its front in duplex).
   */
  writeOwnPage(page: PlannedPage, content?: Content): void {
    if (!content) {
      this.pageObject(page.physical, '', this.lastSheet);
      return;
    }
    const n = this.writer.allocate();
    const overlay = this.overlay(page, this.plan.sheet);
    this.writer.stream(n, '', Buffer.from(`${content.toString()}\n${overlay}\n`, 'latin1'));
    this.pageObject(page.physical, `/Contents ${n} 0 R`, this.plan.sheet);
  }

  /**
   * Writes the planned pages of one PDF input, then drops everything read from it; returns what its paper copy
   * leaves out. `keepMarkup`: print its review markup too.
   */
  async writePdfPages(
    input: PreparedPdf,
    pages: ContentPage[],
    place: PagePlacer,
    keepMarkup = false,
  ): Promise<PaperLoss> {
    const slot = await this.readBuffers.next();
    const { doc, pages: geometry } = await openPdf(input, (file) => ReadBuffers.read(slot, file));
    const loss = checkPaperCopy(doc, input.file, this.text);
    const copier = new ObjectCopier(this.writer, doc.context, pageTreeRefs(doc));
    const source = doc.getPages();
    source.forEach((p, i) => {
      const planned = pages.find((x) => x.source.page === i);
      if (planned) copier.assign(p.ref, this.pageNums[planned.physical - 1]!);
    });
    const target: PageTarget = {
      writer: this.writer,
      copier,
      pagesNum: this.pagesNum,
      fontNum: this.fontNum,
      font: this.text,
      keepMarkup,
    };
    // Read before anything of the file is written: a page that cannot be carried refuses the file whole.
    const contents = pages.map((page) => readPageContent(source[page.source.page]!, page.source.page, input.file));
    for (const [k, page] of pages.entries()) {
      const pdfPage = source[page.source.page]!;
      const geom = geometry[page.source.page]!;
      const placement = withTilt(page.placement ?? place(page.source.page, geom.shown), page.edit?.straighten);
      const overlay = this.overlay(page, placement.sheet);
      writeSourcePage(pdfPage, contents[k]!, geom, placement, overlay, this.pageNums[page.physical - 1]!, target);
      copier.drain();
    }
    slot.free = this.writer.written();
    return loss;
  }

  /** Encodes the image of one image page (may run ahead of the writing, on sharp's threads). */
  encodeImagePage(input: PreparedImage, page: ContentPage): Promise<ImageXObject> {
    const p = page.placement!;
    const [placedW, placedH] = p.turn % 180 === 0 ? [p.width, p.height] : [p.height, p.width];
    return encodeImage(input, page.source.page, placedW, placedH, page.edit, page.part);
  }

  /** Writes one image page (one page of a TIFF) with its encoded image. */
  writeImagePage(image: ImageXObject, page: ContentPage): void {
    const p = page.placement!;
    const imageNum = this.writer.allocate();
    if (image.data instanceof Uint8Array) this.writer.stream(imageNum, image.dict, image.data);
    else this.writer.streamFromFile(imageNum, image.dict, image.data.file, image.data.ranges);
    const turn = addTurns(image.turn, p.turn);
    const s = p.width / (turn % 180 === 0 ? image.width : image.height);
    const m = placementMatrix([0, 0, image.width, image.height], turn, s, p.x, p.y);
    const draw = `q ${cm(m)} ${image.width} 0 0 ${image.height} 0 0 cm /JzI Do Q\n${this.overlay(page, p.sheet)}\n`;
    const contentNum = this.writer.allocate();
    this.writer.stream(contentNum, '', Buffer.from(draw, 'latin1'));
    const resources = `/Resources<</Font<<${FONT_NAME} ${this.fontNum} 0 R>>/XObject<</JzI ${imageNum} 0 R>>>>`;
    this.writer.object(
      this.pageNums[page.physical - 1]!,
      `<</Type/Page/Parent ${this.pagesNum} 0 R/MediaBox${box(p.sheet)}${resources}/Contents ${contentNum} 0 R>>`,
    );
    this.writer.flush();
  }

  /** Writes the font, page tree, outline, page labels, catalogue and trailer. */
  async finish(title: string): Promise<void> {
    this.writeFont();
    const kids = this.pageNums.map((n) => `${n} 0 R`).join(' ');
    this.writer.object(this.pagesNum, `<</Type/Pages/Kids[${kids}]/Count ${this.pageNums.length}>>`);
    const outline = this.writeOutline();
    const catalog = this.writer.allocate();
    const labels = pageLabels(this.plan);
    this.writer.object(
      catalog,
      `<</Type/Catalog/Pages ${this.pagesNum} 0 R/Outlines ${outline} 0 R/PageMode/UseOutlines/PageLabels<</Nums[${labels}]>>/ViewerPreferences<</Duplex/DuplexFlipLongEdge>>>>`,
    );
    const info = this.writer.allocate();
    this.writer.object(
      info,
      `<</Title ${pdfText(title)}/Producer ${pdfText('卷宗 Juanzong')}/CreationDate (D:${pdfDate(new Date())})>>`,
    );
    const missing = this.writer.missing();
    if (missing.length > 0) throw new Error(`internal: objects never written: ${missing.slice(0, 5).join(', ')}`);
    await this.writer.finish(catalog, info, randomBytes(16).toString('hex'));
  }

  /** The subset font: Type0, CIDFont, descriptor, font program, ToUnicode. */
  private writeFont(): void {
    const nums = [this.fontNum, ...Array.from({ length: 4 }, () => this.writer.allocate())];
    const objects = fontObjects(this.text, subsetName(), (i) => `${nums[i]} 0 R`);
    objects.forEach((o, i) => {
      if (o.stream) this.writer.stream(nums[i]!, o.body, o.stream);
      else this.writer.object(nums[i]!, o.body);
    });
  }

  private writeOutline(): number {
    const root = this.writer.allocate();
    const sections = this.plan.pageMap.sections;
    const nums = sections.map(() => this.writer.allocate());
    sections.forEach((s, i) => {
      const links = [
        i > 0 ? `/Prev ${nums[i - 1]} 0 R` : '',
        i < nums.length - 1 ? `/Next ${nums[i + 1]} 0 R` : '',
      ].join('');
      this.writer.object(
        nums[i]!,
        `<</Title ${pdfText(s.title)}/Parent ${root} 0 R${links}/Dest[${this.pageNums[s.firstPage - 1]} 0 R/Fit]>>`,
      );
    });
    this.writer.object(
      root,
      `<</Type/Outlines/First ${nums[0]} 0 R/Last ${nums[nums.length - 1]} 0 R/Count ${nums.length}>>`,
    );
    return root;
  }

  abandon(): Promise<void> {
    return this.writer.abandon();
  }

  /** Lets the background writes catch up when too much is in flight. */
  settle(): Promise<void> {
    return this.writer.settle();
  }
}

/** The source's catalogue and page-tree nodes: references to them are not followed (written as null). */
function pageTreeRefs(doc: PDFDocument): Set<PDFRef> {
  const refs = new Set<PDFRef>();
  const root = doc.context.trailerInfo.Root;
  if (root instanceof PDFRef) refs.add(root);
  const visit = (ref: unknown, depth: number) => {
    if (!(ref instanceof PDFRef) || refs.has(ref) || depth > 64) return;
    const node = doc.context.lookup(ref);
    if (!(node instanceof PDFPageTree)) return;
    refs.add(ref);
    node
      .Kids()
      .asArray()
      .forEach((kid) => visit(kid, depth + 1));
  };
  visit(doc.catalog.get(PDFName.of('Pages')), 0);
  return refs;
}

/** /PageLabels: decimal labels equal to the printed numbers; blank pages are labelled 空白页. */
export function pageLabels(plan: PagePlan): string {
  const parts: string[] = [];
  let previous: 'blank' | number | undefined;
  plan.pages.forEach((page, i) => {
    const number = page.marks.number?.value;
    if (number === undefined) {
      if (previous !== 'blank') parts.push(`${i} <</P ${pdfText('空白页')}>>`);
      previous = 'blank';
      return;
    }
    if (previous === undefined || previous === 'blank' || number !== previous + 1)
      parts.push(`${i} <</S/D/St ${number}>>`);
    previous = number;
  });
  return parts.join(' ');
}

function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}
