/**
 * What must hold after any crash, checked on a data folder reopened the way the app opens it (start-up cleanup
 * included): the database is whole, every row's file is present with its hash, and nothing is left over.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { hashesInBackups } from '../../../electron/core/backup/lifecycle.ts';
import { openServices } from '../../../electron/core/services/index.ts';

export interface DataDirReport {
  integrity: string;
  foreignKeyViolations: number;
  rows: number;
  /** Rows whose file is absent from the store. */
  missingFiles: string[];
  /** Files whose bytes no longer hash to their name. */
  wrongFiles: string[];
  /**
   * What start-up cleanup should have removed: temp files, objects no row or backup refers to, half-written
   * backups, unpacked imports, notes of unfinished exports.
   */
  leftovers: string[];
  /** Acknowledged attachments (id → sha256) that are gone or changed. */
  lostAcks: string[];
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function listObjects(objectsDir: string): string[] {
  if (!existsSync(objectsDir)) return [];
  return readdirSync(objectsDir).flatMap((prefix) =>
    readdirSync(path.join(objectsDir, prefix)).map((name) => path.join(objectsDir, prefix, name)),
  );
}

export async function checkDataDir(
  dataDir: string,
  ackedAttachments: ReadonlyMap<number, string> = new Map(),
  extraReferenced: ReadonlySet<string> = new Set(),
): Promise<DataDirReport> {
  const services = await openServices({ dataDir });
  try {
    const { db, store } = services;
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
    const foreignKeyViolations = (db.pragma('foreign_key_check') as unknown[]).length;
    const rows = db.prepare('SELECT id, sha256 FROM attachments').all() as { id: number; sha256: string }[];
    const missingFiles: string[] = [];
    const wrongFiles: string[] = [];
    for (const sha of new Set(rows.map((r) => r.sha256))) {
      const file = store.pathOf(sha);
      if (!existsSync(file)) missingFiles.push(sha);
      else if ((await sha256Of(file)) !== sha) wrongFiles.push(sha);
    }
    const byId = new Map(rows.map((r) => [r.id, r.sha256]));
    const lostAcks = [...ackedAttachments].filter(([id, sha]) => byId.get(id) !== sha).map(([id]) => `#${id}`);
    const referenced = new Set([...byId.values(), ...extraReferenced, ...(await hashesInBackups(dataDir))]);
    const inside = (dir: string) => (existsSync(dir) ? readdirSync(dir).map((n) => path.join(dir, n)) : []);
    const leftovers = [
      ...inside(store.tmpDir),
      ...listObjects(store.objectsDir).filter((f) => !referenced.has(path.basename(f))),
      ...inside(path.join(dataDir, 'backups')).filter((f) => f.endsWith('.part')),
      ...inside(path.join(dataDir, 'staging')),
      ...inside(path.join(dataDir, 'pending-outputs')),
      ...inside(path.join(dataDir, 'dossiers')),
    ];
    return { integrity, foreignKeyViolations, rows: rows.length, missingFiles, wrongFiles, leftovers, lostAcks };
  } finally {
    services.close();
  }
}
