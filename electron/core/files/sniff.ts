/**
 * A file's kind, decided once for the command line, the window and archive import alike: its first bytes are
 * read here and judged by the shared table (`shared/file-kinds.ts`); a refusal names the file as the clerk knows it.
 */
import fs from 'node:fs';
import { open } from 'node:fs/promises';
import { fileKinds, refusalOfKind, sniffBytes, sniffKind, type FileKind } from '#shared/file-kinds.ts';
import { DossierInputError } from '../dossier/errors.ts';

function unreadable(error: unknown, label: string): DossierInputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new DossierInputError('file-missing', label);
  return new DossierInputError('file-unreadable', label, code ?? String(error));
}

/** The first bytes of `file` that decide its kind; throws DossierInputError (missing, unreadable) naming `label`. */
export function readHeadSync(file: string, label = file): Uint8Array {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = new Uint8Array(sniffBytes);
      return head.subarray(0, fs.readSync(fd, head, 0, sniffBytes, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw unreadable(error, label);
  }
}

/** As `readHeadSync`, without holding the thread while the disk answers. */
export async function readHead(file: string, label = file): Promise<Uint8Array> {
  try {
    const handle = await open(file, 'r');
    try {
      const head = new Uint8Array(sniffBytes);
      const { bytesRead } = await handle.read(head, 0, sniffBytes, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw unreadable(error, label);
  }
}

/**
 * The kind of a file named `label` whose first bytes are `head`, or the refusal (empty, HEIC, not a kind the
 * dossier takes). A `.pdf` whose header is missing or late is taken as a PDF for qpdf to judge: it may repair
 * the file, or name the damage.
 * @example kindFromHead(head, '发票.pdf') // → 'jpeg' for a photo saved under a PDF's name
 */
export function kindFromHead(head: Uint8Array, label: string): FileKind {
  if (head.byteLength === 0) throw new DossierInputError('file-empty', label);
  const sniffed = sniffKind(head);
  const kind = sniffed === 'unknown' && /\.pdf$/i.test(label) ? 'pdf' : sniffed;
  const refusal = refusalOfKind(kind);
  if (refusal) throw new DossierInputError(refusal, label);
  return kind as FileKind;
}

/** `kindFromHead` of a file on disk. */
export function sniffFile(file: string, label = file): FileKind {
  return kindFromHead(readHeadSync(file, label), label);
}

export const mediaTypeOfKind = (kind: FileKind): string => fileKinds[kind].mediaType;
