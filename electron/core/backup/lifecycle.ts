/**
 * How backups fit into the app's life: checked and backed up before the database is opened (and migrated), once a
 * day while it runs, and remembered by the file store, which keeps every file a backup still names.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/connection.ts';
import { latestVersion } from '../db/migrate.ts';
import { backupDirOf, listBackups, removePartialBackups } from './backup-files.ts';
import { backupFile, createBackup, defaultKeep } from './create-backup.ts';
import { assertDatabaseUsable, inspectDatabaseFile } from './database-health.ts';
import { withNativeBinding } from '../db/native-binding.ts';
import { untrustedAttachmentHashes } from '../db/queries/database-file.ts';

const day = 24 * 60 * 60 * 1000;

/**
 * Before `openDatabase`: tidies half-written backups, refuses a damaged database (`DamagedDatabaseError`), and
 * backs the file up when migrations are pending. The migration hook itself is synchronous and the backup API is
 * not, so the backup is taken here, on the same condition, just before the open that migrates.
 */
export async function prepareDatabase(dataDir: string, dbFile: string, keep = defaultKeep): Promise<void> {
  const dir = backupDirOf(dataDir);
  await removePartialBackups(dir);
  await assertDatabaseUsable(dbFile, dir);
  const { version } = inspectDatabaseFile(dbFile);
  if (version > 0 && version < latestVersion()) await backupFile(dbFile, dir, { reason: 'before-migration', keep });
}

/** Every file hash some backup's rows name, so start-up cleanup never deletes what a restore would need. */
export async function hashesInBackups(dataDir: string): Promise<Set<string>> {
  const dir = backupDirOf(dataDir);
  const hashes = new Set<string>();
  for (const backup of await listBackups(dir)) {
    let db: Database.Database | undefined;
    try {
      db = new Database(path.join(dir, backup.name), withNativeBinding({ readonly: true, fileMustExist: true }));
      // A file that merely carries a backup's name could make `attachments` a view: only its data is read.
      for (const hash of untrustedAttachmentHashes(db)) hashes.add(hash);
    } catch {
      // A backup that cannot be read names no files; restoring it is refused with its own message.
    } finally {
      db?.close();
    }
  }
  return hashes;
}

/** Calls `check` again and again while the app runs; answers how to stop. Tests pass one they drive by hand. */
export type CheckSchedule = (check: () => void) => () => void;

const hourly: CheckSchedule = (check) => {
  const timer = setInterval(check, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
};

export interface DailyBackups {
  stop: () => void;
  /** The backup under way, if any (tests wait for it). */
  current: () => Promise<unknown>;
}

/** Takes a `daily` backup now if the last one is a day old, then checks again on `schedule` (every hour). */
export function startDailyBackups(
  db: Db,
  dataDir: string,
  options: { keep?: number; now?: () => Date; schedule?: CheckSchedule } = {},
): DailyBackups {
  const dir = backupDirOf(dataDir);
  const now = options.now ?? (() => new Date());
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const check = async () => {
    const last = (await listBackups(dir)).filter((b) => b.reason === 'daily').at(-1);
    if (stopped || (last && now().getTime() - Date.parse(last.takenAt) < day)) return;
    await createBackup(db, dir, { reason: 'daily', keep: options.keep, now: now() });
  };
  // One check at a time: two overlapping checks could both find no recent backup and both take one.
  // A daily backup that fails (disk full, app closing) must not stop the app; the next check tries again.
  const tick = () => (running = running.then(check).catch(() => undefined));
  tick();
  const unschedule = (options.schedule ?? hourly)(tick);
  return {
    stop: () => {
      stopped = true;
      unschedule();
    },
    current: () => running,
  };
}
