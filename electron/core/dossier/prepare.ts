/** Looking at one input file before the dossier is planned: what it is and how many pages it gives. */
import fs from 'node:fs';
import { DossierInputError } from './errors.ts';
import { prepareImage, type PreparedImage } from './image-input.ts';
import { sniffInput, type InputKind } from './input-kind.ts';
import { checkPdf, openPdf, type PreparedPdf } from './pdf-input.ts';
import { installPdfLibPatches } from './pdf-lib-patches.ts';

export type PreparedInput = PreparedPdf | PreparedImage;

const IMAGE_KINDS: InputKind[] = ['jpeg', 'png', 'tiff', 'webp', 'gif', 'avif', 'heic'];

/**
 * Checks a file and counts its pages (qpdf for a PDF, sharp for an image, which also gives its size); a PDF's
 * page sizes are read when it is drawn. The caller removes what `releaseInput` names.
 */
export async function prepareInput(file: string, kind = sniffInput(file)): Promise<PreparedInput> {
  if (kind === 'pdf') return checkPdf(file);
  if (IMAGE_KINDS.includes(kind)) return prepareImage(file, kind);
  throw new DossierInputError('unsupported-format', file);
}

/** Removes the decrypted or repaired copy a prepared PDF may hold. */
export function releaseInput(input: PreparedInput): void {
  if (input.kind === 'pdf' && input.tempDir) fs.rmSync(input.tempDir, { recursive: true, force: true });
}

export interface InputSummary {
  kind: 'pdf' | 'image';
  /** `pdf`, `jpeg`, `png`, `tiff`, `webp`, … */
  format: InputKind;
  pages: number;
  /** Each page's size as shown, in points for PDF pages and pixels for images. */
  shown: { width: number; height: number }[];
  /** PDFs only: an owner password (opened without one, decrypted for the dossier). */
  encrypted?: boolean;
  /** PDFs only: qpdf had to repair the file to read it. */
  repaired?: boolean;
}

/**
 * What the app shows on a file's card when the clerk attaches it; throws DossierInputError for a file the
 * dossier cannot take (a locked PDF, a damaged one, a HEIC photo, …), so it is refused at once.
 * @example const { pages } = await inspectInput('/path/licence.pdf'); // or catch e.code === 'needs-password'
 */
export async function inspectInput(file: string): Promise<InputSummary> {
  installPdfLibPatches();
  const input = await prepareInput(file);
  try {
    if (input.kind === 'image') {
      return { kind: 'image', format: input.format, pages: input.pages.length, shown: input.pages.map((p) => ({ ...p })) };
    }
    const { pages } = await openPdf(input);
    return {
      kind: 'pdf',
      format: 'pdf',
      pages: pages.length,
      shown: pages.map((p) => p.shown),
      encrypted: input.encryption === 'owner',
      repaired: input.repaired,
    };
  } finally {
    releaseInput(input);
  }
}
