/**
 * A note, kept in the window's local storage, of the files being added to a material: written before the first
 * file is sent and removed after the last. A note still there when the step opens means the window was closed
 * mid-way; the stored attachments then say which of those files made it in.
 */
import type { AttachmentWithTurns } from '#shared/contract/index.ts';

interface Journal {
  startedAt: string;
  names: string[];
}

export interface InterruptedImport {
  added: string[];
  missing: string[];
}

const keyOf = (applicationId: number, materialId: string) => `juanzong.import.${applicationId}.${materialId}`;

export function startImport(applicationId: number, materialId: string, names: string[]): void {
  const journal: Journal = { startedAt: new Date().toISOString(), names };
  localStorage.setItem(keyOf(applicationId, materialId), JSON.stringify(journal));
}

export function endImport(applicationId: number, materialId: string): void {
  localStorage.removeItem(keyOf(applicationId, materialId));
}

function journalOf(applicationId: number, materialId: string): Journal | null {
  try {
    const journal = JSON.parse(localStorage.getItem(keyOf(applicationId, materialId)) ?? 'null') as Journal | null;
    return journal && Array.isArray(journal.names) && typeof journal.startedAt === 'string' ? journal : null;
  } catch {
    return null;
  }
}

/** What an import cut short left: the files that are in, and those to add again. Null when none was cut short. */
export function interruptedImport(
  applicationId: number,
  materialId: string,
  attachments: AttachmentWithTurns[],
): InterruptedImport | null {
  const journal = journalOf(applicationId, materialId);
  if (!journal) return null;
  const since = Date.parse(journal.startedAt);
  const arrived = new Set(
    attachments
      .filter((a) => a.materialId === materialId && Date.parse(a.createdAt) >= since - 1000)
      .map((a) => a.originalName),
  );
  return { added: journal.names.filter((n) => arrived.has(n)), missing: journal.names.filter((n) => !arrived.has(n)) };
}
