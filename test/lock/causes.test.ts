/**
 * A locked database, a read-only folder, a full disk, a missing and a damaged database each get their own
 * message; writes wait for another connection's write; a restore never replaces a database in use, on a full disk
 * leaves the old one whole, and refuses a backup with triggers. Full and read-only disks are real: a tmpfs with a
 * size limit, remounted read-only (the tests run as root, as CI does).
 */
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { restoreBackup } from '../../electron/core/backup/restore-backup.ts';
import { databaseFileName, openServices, type Services } from '../../electron/core/services/index.ts';
import { call, ensureApplication, randomPdfBytes } from '../crash/children/seed.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { cli, useSmallDisks } from './support.ts';

const fresh = useTempDir('juanzong-causes-');

const smallDisk = useSmallDisks(fresh);

function fillDisk(dir: string, leave: number): void {
  const { bavail, bsize } = statfsSync(dir);
  writeFileSync(path.join(dir, 'filler.bin'), Buffer.alloc(Math.max(0, bavail * bsize - leave)));
}

const require = createRequire(import.meta.url);
const betterSqlite = require.resolve('better-sqlite3');

/** A child process that holds `dbFile` (`how` SQL run on it), says `held`, and lets go after `ms`. */
async function holdDatabase(dbFile: string, how: string, ms: number) {
  const code = `const D = require(${JSON.stringify(betterSqlite)}); const db = new D(${JSON.stringify(dbFile)});
    db.exec(${JSON.stringify(how)}); console.log('held');
    setTimeout(() => { try { db.exec('COMMIT'); } catch {} db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ['-e', code]);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('held') && resolve());
    child.once('exit', (c) => reject(new Error(`holder exited ${c}`)));
  });
  return child;
}

async function seeded(dataDir: string): Promise<{ s: Services; applicationId: number }> {
  const s = await openServices({ dataDir });
  return { s, applicationId: await ensureApplication(s) };
}

describe('writes take their lock up front', () => {
  it('an attach that meets another connection’s write waits for it instead of failing', async () => {
    const { s, applicationId } = await seeded(await fresh());
    const holder = await holdDatabase(
      path.join(s.dataDir, databaseFileName),
      'BEGIN IMMEDIATE; UPDATE applicants SET name = name',
      1500,
    );
    const added = await call(s, 'attachments:add', {
      applicationId,
      materialId: 'business-license',
      fileName: 'a.pdf',
      bytes: randomPdfBytes(4000),
    });
    expect(added.originalName).toBe('a.pdf');
    holder.kill();
    s.close();
  });
});

describe('causes told apart', () => {
  it('a locked database is “in use”, not damaged, and no restore is offered', async () => {
    const dataDir = await fresh();
    const { s } = await seeded(dataDir);
    await call(s, 'backup:create', {});
    s.close();
    const holder = await holdDatabase(
      path.join(dataDir, databaseFileName),
      'PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE',
      30_000,
    );
    const error = (await openServices({ dataDir }).catch((e: unknown) => e)) as Error & { code: string };
    holder.kill();
    expect(error.code).toBe('db-locked');
    expect(error.message).toContain('正被另一个程序占用');
    expect(error.message).not.toContain('backup restore');
    expect(existsSync(path.join(dataDir, 'damaged'))).toBe(false);
  });

  it('a missing database says so, differently from a damaged one', async () => {
    const dataDir = await fresh();
    const { s } = await seeded(dataDir);
    await call(s, 'backup:create', {});
    s.close();
    const file = path.join(dataDir, databaseFileName);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    const missing = (await openServices({ dataDir }).catch((e: unknown) => e)) as Error & { code: string };
    expect(missing.code).toBe('db-missing');
    expect(missing.message).toContain('不见了');
    writeFileSync(file, Buffer.alloc(8192, 0x41));
    const damaged = (await openServices({ dataDir }).catch((e: unknown) => e)) as Error & { code: string };
    expect(damaged.code).toBe('db-damaged');
    expect(damaged.message).toContain('已损坏');
  });

  it('a write-protected folder is read-only: lists still work, writing says so, nothing is called damaged', async () => {
    const disk = await smallDisk('16m');
    const dataDir = path.join(disk, 'data');
    const { s } = await seeded(dataDir);
    s.close();
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    const opened = (await openServices({ dataDir }).catch((e: unknown) => e)) as Error & { code: string };
    expect(opened.code).toBe('db-read-only');
    expect(opened.message).toContain('只读');
    const list = await cli('--data', dataDir, 'applications', 'list');
    expect(list.err).toBe('');
    expect(list.out).toContain('深圳市测试科技有限公司');
    const create = await cli('--data', dataDir, 'backup', 'create');
    expect(create.err).toContain('只读');
    expect(create.err).not.toContain('已损坏');
    expect(create.err).not.toContain('backup restore');
  });

  it('a full disk while attaching says so and leaves no partial file', async () => {
    const disk = await smallDisk('4m');
    const dataDir = path.join(disk, 'data');
    const { s, applicationId } = await seeded(dataDir);
    fillDisk(disk, 64 * 1024);
    const error = await call(s, 'attachments:add', {
      applicationId,
      materialId: 'business-license',
      fileName: '营业执照.pdf',
      bytes: randomPdfBytes(400_000),
    }).catch((e: unknown) => e as Error);
    expect(String(error)).toContain('db-disk-full');
    expect(String(error)).toContain('磁盘已满');
    expect(String(error)).not.toContain('ENOSPC');
    expect(readdirSync(path.join(dataDir, 'files', 'tmp'))).toEqual([]);
    rmSync(path.join(disk, 'filler.bin'));
    expect(await call(s, 'attachments:list', { applicationId })).toHaveLength(0);
    s.close();
  });
});

describe('restore', () => {
  it('never replaces a database another process owns', async () => {
    const dataDir = await fresh();
    const { s } = await seeded(dataDir);
    const kept = await call(s, 'backup:create', {});
    const file = path.join(dataDir, databaseFileName);
    const inode = statSync(file).ino;
    await expect(restoreBackup(dataDir, file, kept.name)).rejects.toMatchObject({ code: 'data-in-use' });
    expect(statSync(file).ino).toBe(inode);
    expect(existsSync(path.join(dataDir, 'damaged'))).toBe(false);
    s.close();
  });

  it('on a full disk refuses before touching anything, and the old database stays whole', async () => {
    const disk = await smallDisk('8m');
    const dataDir = path.join(disk, 'data');
    const { s } = await seeded(dataDir);
    const kept = await call(s, 'backup:create', {});
    s.close();
    const file = path.join(dataDir, databaseFileName);
    writeFileSync(file, Buffer.alloc(8192, 0x41)); // damaged: today's restore moves it aside first
    for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
    fillDisk(disk, 16 * 1024);
    await expect(restoreBackup(dataDir, file, kept.name)).rejects.toMatchObject({ code: 'db-disk-full' });
    expect(statSync(file).size).toBe(8192);
    expect(existsSync(path.join(dataDir, 'damaged'))).toBe(false);
  });

  it('refuses a backup that carries triggers of its own', async () => {
    const dataDir = await fresh();
    const { s } = await seeded(dataDir);
    const kept = await call(s, 'backup:create', {});
    s.close();
    const planted = new Database(path.join(dataDir, 'backups', kept.name));
    planted.exec('CREATE TRIGGER wipe AFTER INSERT ON attachments BEGIN DELETE FROM applicants; END');
    planted.close();
    const result = await cli('--data', dataDir, 'backup', 'restore', kept.name);
    expect(result.code).toBe(1);
    expect(result.err).toContain('trigger wipe');
    const check = new Database(path.join(dataDir, databaseFileName), { readonly: true });
    expect(check.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").pluck().get()).toBe(0);
    check.close();
  });

  it('start-up runs no SQL a backup-named file carries', async () => {
    const dataDir = await fresh();
    (await seeded(dataDir)).s.close();
    const orphan = 'cd'.padEnd(64, '1');
    mkdirSync(path.join(dataDir, 'files', 'objects', 'cd'), { recursive: true });
    writeFileSync(path.join(dataDir, 'files', 'objects', 'cd', orphan), 'left by a crash');
    mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    const fake = new Database(path.join(dataDir, 'backups', 'juanzong-2020-01-01T00-00-00-000Z-manual.sqlite3'));
    fake.exec(`CREATE VIEW attachments AS SELECT '${orphan}' AS sha256`);
    fake.close();
    (await openServices({ dataDir })).close();
    expect(existsSync(path.join(dataDir, 'files', 'objects', 'cd', orphan))).toBe(false);
  });
});
