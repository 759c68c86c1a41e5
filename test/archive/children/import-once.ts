/**
 * Archive imports in a process of their own, one per line of stdin: `<data folder>\t<archive>\t<as-copy 0|1>`.
 * Prints `ready` once loaded, then for each line one line of JSON: `{"ok":true,"applicationId":…}` or
 * `{"ok":false,"code":…,"message":…}`. Opens the database and file store directly (not `openServices`, whose
 * start-up cleanup is another test's subject).
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { importArchive } from '../../../electron/core/archive/import-archive.ts';
import { openDatabase } from '../../../electron/core/db/connection.ts';
import { FileStore } from '../../../electron/core/store/file-store.ts';

async function importOnce(dataDir: string, archive: string, asCopy: boolean): Promise<object> {
  const db = openDatabase(path.join(dataDir, 'juanzong.sqlite3'));
  const store = new FileStore(path.join(dataDir, 'files'));
  await store.init();
  try {
    const result = await importArchive({ db, store, dataDir, now: () => new Date().toISOString() }, archive, { asCopy });
    return { ok: true, applicationId: result.applicationId };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { ok: false, code: e.code ?? 'internal', message: e.message ?? String(error) };
  } finally {
    db.close();
  }
}

console.log('ready');
for await (const line of createInterface({ input: process.stdin })) {
  const [dataDir, archive, asCopy] = line.split('\t') as [string, string, string];
  console.log(JSON.stringify(await importOnce(dataDir, archive, asCopy === '1')));
}
