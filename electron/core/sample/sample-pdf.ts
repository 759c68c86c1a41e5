/**
 * Sample materials as PDFs: A4 pages drawn with pdf-lib in the dossier's own font, each with a diagonal
 * "示例 · 仅供演示" across it and the mark again at its head, so a sample page can never pass for a real one.
 */
import { SAMPLE_MARK } from '#shared/sample.ts';
import { embedDossierFont } from '../dossier/font.ts';
import { PDFDocument, degrees, grayscale, rgb, type PDFFont, type PDFPage } from '../dossier/pdf-lib.ts';
import { wrapText, type SampleSheet } from './sample-sheet.ts';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 64;
const BODY_SIZE = 11.5;
const LINE_HEIGHT = 21;
const markRed = rgb(0.78, 0.12, 0.12);

function drawMarks(page: PDFPage, font: PDFFont): void {
  const size = 64;
  const width = font.widthOfTextAtSize(SAMPLE_MARK, size);
  // Centred on the page, turned 35° (the text's centre placed on the page's centre).
  const angle = (35 * Math.PI) / 180;
  page.drawText(SAMPLE_MARK, {
    x: A4.width / 2 - (Math.cos(angle) * width) / 2 + (Math.sin(angle) * size) / 3,
    y: A4.height / 2 - (Math.sin(angle) * width) / 2 - (Math.cos(angle) * size) / 3,
    size,
    font,
    color: markRed,
    opacity: 0.16,
    rotate: degrees(35),
  });
  const head = `${SAMPLE_MARK} · 虚构单位，内容不可用于真实申报`;
  page.drawText(head, { x: MARGIN, y: A4.height - 36, size: 9, font, color: markRed });
}

function drawSheet(page: PDFPage, font: PDFFont, sheet: SampleSheet): void {
  drawMarks(page, font);
  const titleSize = 18;
  const titleWidth = font.widthOfTextAtSize(sheet.title, titleSize);
  page.drawText(sheet.title, { x: (A4.width - titleWidth) / 2, y: A4.height - 100, size: titleSize, font });
  let y = A4.height - 150;
  const measure = (s: string) => font.widthOfTextAtSize(s, BODY_SIZE);
  for (const text of sheet.lines) {
    for (const line of wrapText(text, A4.width - 2 * MARGIN, measure)) {
      page.drawText(line, { x: MARGIN, y, size: BODY_SIZE, font, color: grayscale(0.1) });
      y -= LINE_HEIGHT;
    }
  }
  if (sheet.signature) {
    page.drawText(sheet.signature, { x: A4.width / 2, y: 150, size: BODY_SIZE, font });
    page.drawText('（盖章处）', { x: A4.width / 2, y: 125, size: BODY_SIZE, font, color: grayscale(0.45) });
  }
}

/** A PDF with one A4 page per sheet. */
export async function samplePdf(sheets: SampleSheet[]): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${sheets[0]?.title ?? '示例材料'}（${SAMPLE_MARK}）`);
  doc.setProducer('卷宗 Juanzong 示例');
  const font = await embedDossierFont(doc);
  for (const sheet of sheets) drawSheet(doc.addPage([A4.width, A4.height]), font, sheet);
  // pdf-lib writes into a plain ArrayBuffer of its own, never a shared one.
  return (await doc.save()) as Uint8Array<ArrayBuffer>;
}
