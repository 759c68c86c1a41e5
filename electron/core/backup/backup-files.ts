/**
 * Where backups live and what they are called: `<data>/backups/juanzong-<UTC time>-<reason>.sqlite3`. The name
 * sorts by time, so the newest is last; a backup being written is `….part` and never counts as one.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export const backupReasons = ['manual', 'daily', 'before-migration', 'before-restore', 'before-import'] as const;
export type BackupReason = (typeof backupReasons)[number];

export interface BackupInfo {
  name: string;
  reason: BackupReason;
  /** ISO time the backup was taken. */
  takenAt: string;
  size: number;
}

const namePattern = /^juanzong-(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z-([a-z-]+)\.sqlite3$/;

export function backupDirOf(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export function backupName(takenAt: Date, reason: BackupReason): string {
  return `juanzong-${takenAt.toISOString().replace(/[:.]/g, '-')}-${reason}.sqlite3`;
}

function parseName(name: string): { takenAt: string; reason: BackupReason } | undefined {
  const match = namePattern.exec(name);
  if (!match) return undefined;
  const [, date, h, m, s, ms, reason] = match;
  if (!backupReasons.includes(reason as BackupReason)) return undefined;
  return { takenAt: `${date}T${h}:${m}:${s}.${ms}Z`, reason: reason as BackupReason };
}

/** The backups in the folder, oldest first. */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  const infos: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseName(name);
    if (!parsed) continue;
    const { size } = await stat(path.join(dir, name));
    infos.push({ name, ...parsed, size });
  }
  return infos;
}

/** A backup name from the window or the command line, checked so it can never point outside the folder. */
export function isBackupName(name: string): boolean {
  return parseName(name) !== undefined;
}

/** Keeps the newest `keep` backups of each reason, so a burst of manual ones never pushes out the daily ones. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const all = await listBackups(dir);
  const removed: string[] = [];
  for (const reason of backupReasons) {
    const ofReason = all.filter((b) => b.reason === reason);
    for (const old of ofReason.slice(0, Math.max(0, ofReason.length - keep))) {
      await rm(path.join(dir, old.name), { force: true });
      removed.push(old.name);
    }
  }
  return removed;
}

/** Removes half-written backups a crash left behind. */
export async function removePartialBackups(dir: string): Promise<number> {
  const partial = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.part'));
  await Promise.all(partial.map((n) => rm(path.join(dir, n), { force: true })));
  return partial.length;
}
