/** Looking at one input file before the dossier is planned: what it is and how many pages it gives. */
import fs from 'node:fs';
import { prepareImage, type PreparedImage } from './image-input.ts';
import type { FileKind } from '#shared/file-kinds.ts';
import { sniffFile } from '../files/sniff.ts';
import type { ContentNotice } from '#shared/contract/schemas.ts';
import { dossierText } from './font.ts';
import { checkPaperCopy, paperNotices, type NoticeContext } from './paper-copy.ts';
import { checkPdf, openPdf, type PreparedPdf } from './pdf-input.ts';
import { installPdfLibPatches } from './pdf-lib-patches.ts';
import { readPageContent } from './page-content.ts';

export type PreparedInput = PreparedPdf | PreparedImage;

/**
 * Checks a file and counts its pages (qpdf for a PDF, sharp for an image, which also gives its size); a PDF's
 * page sizes are read when it is drawn. The caller removes what `releaseInput` names.
 */
export async function prepareInput(file: string, kind: FileKind = sniffFile(file)): Promise<PreparedInput> {
  return kind === 'pdf' ? checkPdf(file) : prepareImage(file, kind);
}

/** Removes the decrypted or repaired copy a prepared PDF may hold. */
export function releaseInput(input: PreparedInput): void {
  if (input.kind === 'pdf' && input.tempDir) fs.rmSync(input.tempDir, { recursive: true, force: true });
}

export interface InputSummary {
  kind: 'pdf' | 'image';
  /** `pdf`, `jpeg`, `png`, `tiff`, `webp`, … */
  format: FileKind;
  pages: number;
  /** Each page's size as shown, in points for PDF pages and pixels for images. */
  shown: { width: number; height: number }[];
  /** PDFs only: an owner password (opened without one, decrypted for the dossier). */
  encrypted?: boolean;
  /** PDFs only: qpdf had to repair the file to read it. */
  repaired?: boolean;
  /** PDFs only: what the paper copy leaves out (review markup, attachments, signatures, …), for the card. */
  notices?: ContentNotice[];
}

/**
 * What the app shows on a file's card when the clerk attaches it; throws DossierInputError for a file the
 * dossier cannot take (a locked PDF, a damaged one, a HEIC photo, a form field the font cannot draw, …), so it
 * is refused at once. `kind` is the one decided when the file came in (a stored copy has no name to go by);
 * sniffed from `file` without it.
 * @example const { pages } = await inspectInput('/path/licence.pdf'); // or catch e.code === 'needs-password'
 */
export async function inspectInput(
  file: string,
  kind?: FileKind,
  context: NoticeContext = { keepMarkup: false },
): Promise<InputSummary> {
  installPdfLibPatches();
  const input = await prepareInput(file, kind);
  try {
    if (input.kind === 'image') {
      return {
        kind: 'image',
        format: input.format,
        pages: input.pages.length,
        shown: input.pages.map((p) => ({ ...p })),
      };
    }
    const { doc, pages } = await openPdf(input);
    doc.getPages().forEach((page, i) => readPageContent(page, i, file));
    const notices = paperNotices(checkPaperCopy(doc, file, dossierText()), context);
    return {
      kind: 'pdf',
      format: 'pdf',
      pages: pages.length,
      shown: pages.map((p) => p.shown),
      encrypted: input.encryption === 'owner',
      repaired: input.repaired,
      notices,
    };
  } finally {
    releaseInput(input);
  }
}
