/**
 * One archive import into a data folder, through its own database connection and file store (not `openServices`,
 * whose start-up cleanup is another test's subject), answered as data: what each of two processes reports.
 */
import path from 'node:path';
import { importArchive } from '../../electron/core/archive/import-archive.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { FileStore } from '../../electron/core/store/file-store.ts';

export interface Outcome {
  ok: boolean;
  applicationId?: number;
  code?: string;
  message?: string;
}

export async function importOnce(dataDir: string, archive: string, asCopy: boolean): Promise<Outcome> {
  const db = openDatabase(path.join(dataDir, 'juanzong.sqlite3'));
  const store = new FileStore(path.join(dataDir, 'files'));
  await store.init();
  try {
    const result = await importArchive({ db, store, dataDir, now: () => new Date().toISOString() }, archive, {
      asCopy,
    });
    return { ok: true, applicationId: result.applicationId };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { ok: false, code: e.code ?? 'internal', message: e.message ?? String(error) };
  } finally {
    db.close();
  }
}
