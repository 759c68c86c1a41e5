import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDirOf, listBackups, pruneBackups } from '../../electron/core/backup/backup-files.ts';
import { createBackup } from '../../electron/core/backup/create-backup.ts';
import { DamagedDatabaseError } from '../../electron/core/backup/database-health.ts';
import { startDailyBackups } from '../../electron/core/backup/lifecycle.ts';
import { restoreBackup } from '../../electron/core/backup/restore-backup.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { openServices, databaseFileName } from '../../electron/core/services/index.ts';
import { call, ensureApplication, randomPdfBytes } from '../crash/children/seed.ts';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'juanzong-backup-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('backups', () => {
  it('takes a daily backup at start, a manual one on request, and keeps the newest N of each kind', async () => {
    const dataDir = fresh();
    const s = await openServices({ dataDir, keepBackups: 2 });
    for (let i = 0; i < 4; i += 1) await call(s, 'backup:create', {});
    const list = await call(s, 'backup:list', {});
    s.close();
    expect(list.filter((b) => b.reason === 'manual')).toHaveLength(2);
    expect(list.filter((b) => b.reason === 'daily')).toHaveLength(1);
  });

  it('takes the next daily backup only after a day', async () => {
    const dataDir = fresh();
    // The database alone: the services would start their own daily backups on the real clock.
    const db = openDatabase(path.join(dataDir, databaseFileName));
    const count = async () => (await listBackups(backupDirOf(dataDir))).filter((b) => b.reason === 'daily').length;
    let now = new Date('2026-03-02T01:00:00Z');
    let check = () => {};
    let stopped = false;
    const schedule = (tick: () => void) => ((check = tick), () => (stopped = true));
    const daily = startDailyBackups(db, dataDir, { now: () => now, schedule });
    const checkAt = async (hoursLater: number) => {
      now = new Date(Date.parse('2026-03-02T01:00:00Z') + hoursLater * 3_600_000);
      check();
      await daily.current();
      return count();
    };
    await daily.current();
    expect(await count()).toBe(1); // the check at start: no daily backup yet
    expect(await checkAt(1)).toBe(1);
    expect(await checkAt(23.9)).toBe(1);
    expect(await checkAt(24.1)).toBe(2);
    expect(await checkAt(25)).toBe(2); // more checks in the same day add no other
    expect(await checkAt(49)).toBe(3);
    daily.stop();
    expect(stopped).toBe(true);
    db.close();
  });

  it('backs up before a migration', async () => {
    const dataDir = fresh();
    const file = path.join(dataDir, databaseFileName);
    const old = new Database(file);
    old.exec('CREATE TABLE applicants (id INTEGER PRIMARY KEY)');
    old.pragma('user_version = 1');
    old.close();
    await expect(openServices({ dataDir })).rejects.toThrow(); // v1 without 001's tables cannot migrate …
    const backups = await listBackups(backupDirOf(dataDir));
    expect(backups.map((b) => b.reason)).toContain('before-migration'); // … but the backup was taken first
  });

  it('restores a backup through the channel, and the current state is backed up first', async () => {
    const dataDir = fresh();
    const s = await openServices({ dataDir });
    const applicationId = await ensureApplication(s);
    const kept = await call(s, 'backup:create', {});
    await call(s, 'attachments:add', {
      applicationId,
      materialId: 'business-license',
      fileName: 'a.pdf',
      bytes: randomPdfBytes(2000),
    });
    expect(await call(s, 'attachments:list', { applicationId })).toHaveLength(1);
    const result = await call(s, 'backup:restore', { name: kept.name });
    expect(result.safetyBackup).toMatch(/before-restore/);
    expect(await call(s, 'attachments:list', { applicationId })).toHaveLength(0);
    s.close();
  });

  it('refuses a damaged database at start-up, offers the newest backup, and restores from the CLI path', async () => {
    const dataDir = fresh();
    const s = await openServices({ dataDir });
    await ensureApplication(s);
    const kept = await call(s, 'backup:create', {});
    s.close();
    const file = path.join(dataDir, databaseFileName);
    writeFileSync(file, Buffer.alloc(8192, 0x41));
    for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
    const error = await openServices({ dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DamagedDatabaseError);
    expect((error as DamagedDatabaseError).code).toBe('db-damaged');
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain(kept.name);
    const restored = await restoreBackup(dataDir, file, kept.name);
    expect(restored.movedAside && existsSync(restored.movedAside)).toBeTruthy();
    const again = await openServices({ dataDir });
    expect(await call(again, 'applications:list', {})).toHaveLength(1);
    again.close();
  });

  it('refuses to start empty when the database file is gone but backups exist', async () => {
    const dataDir = fresh();
    const s = await openServices({ dataDir });
    await call(s, 'backup:create', {});
    s.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path.join(dataDir, databaseFileName + suffix), { force: true });
    await expect(openServices({ dataDir })).rejects.toBeInstanceOf(DamagedDatabaseError);
  });

  it('never restores a name outside the backup folder', async () => {
    const dataDir = fresh();
    (await openServices({ dataDir })).close();
    await expect(
      restoreBackup(dataDir, path.join(dataDir, databaseFileName), '../juanzong.sqlite3'),
    ).rejects.toMatchObject({
      code: 'backup-not-found',
    });
  });

  it('prunes per kind', async () => {
    const dataDir = fresh();
    const s = await openServices({ dataDir });
    for (let i = 0; i < 3; i += 1) await createBackup(s.db, backupDirOf(dataDir), { reason: 'manual', keep: 100 });
    s.close();
    expect(await pruneBackups(backupDirOf(dataDir), 1)).toHaveLength(2);
  });
});
