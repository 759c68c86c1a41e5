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
    const s = await openServices({ dataDir });
    const count = async () => (await listBackups(backupDirOf(dataDir))).filter((b) => b.reason === 'daily').length;
    // The services take their own first daily backup as they open; let it land before counting.
    for (const deadline = Date.now() + 5_000; (await count()) === 0 && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    let now = new Date(Date.now() + 2 * 86_400_000);
    const daily = startDailyBackups(s.db, dataDir, { now: () => now, checkEveryMs: 10 });
    await daily.current();
    const before = await count();
    now = new Date(now.getTime() + 25 * 3_600_000);
    // The check runs every 10 ms; on a loaded machine the first one after the clock moved may come late.
    const deadline = Date.now() + 5_000;
    while ((await count()) === before && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      await daily.current();
    }
    await new Promise((r) => setTimeout(r, 50)); // more checks in the same day must not add another
    await daily.current();
    daily.stop();
    s.close();
    expect(await count()).toBe(before + 1);
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
    await call(s, 'attachments:add', { applicationId, materialId: 'business-license', fileName: 'a.pdf', bytes: randomPdfBytes(2000) });
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
    await expect(restoreBackup(dataDir, path.join(dataDir, databaseFileName), '../juanzong.sqlite3')).rejects.toMatchObject({
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
