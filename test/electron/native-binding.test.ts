// The package ships only the Electron build of better-sqlite3 (electron-builder.yml leaves node_modules' build out),
// so the core's own connections (backups, health checks, restores) must load the addon main names, as openDatabase
// does. Here "main's addon" is a copy of Node's build in a temp folder: loading it shows up in require's cache.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupFile } from '../../electron/core/backup/create-backup.ts';
import { inspectDatabaseFile } from '../../electron/core/backup/database-health.ts';
import { hashesInBackups } from '../../electron/core/backup/lifecycle.ts';
import { restoreBackup } from '../../electron/core/backup/restore-backup.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { useNativeBinding } from '../../electron/core/db/native-binding.ts';

const require = createRequire(import.meta.url);

describe('useNativeBinding', () => {
  let dir: string;
  let addon: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'juanzong-binding-'));
    addon = path.join(dir, 'better_sqlite3.node');
    const sqlite = path.dirname(require.resolve('better-sqlite3/package.json'));
    await copyFile(path.join(sqlite, 'build', 'Release', 'better_sqlite3.node'), addon);
  });
  afterAll(async () => {
    useNativeBinding(undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('makes backups, health checks and restores load the named addon', async () => {
    const dbFile = path.join(dir, 'juanzong.sqlite3');
    openDatabase(dbFile).close();
    expect(require.cache[addon]).toBeUndefined();

    useNativeBinding(addon);
    expect(inspectDatabaseFile(dbFile).verdict).toBe('ok');
    expect(require.cache[addon]).toBeDefined();
    const backup = await backupFile(dbFile, path.join(dir, 'backups'), { reason: 'manual' });
    expect(await hashesInBackups(dir)).toEqual(new Set());
    const restored = await restoreBackup(dir, dbFile, backup.name);
    expect(restored.restored.name).toBe(backup.name);
  });

  it('every one of them goes through the setting: a missing addon makes each fail (none falls back to node_modules)', async () => {
    const dbFile = path.join(dir, 'juanzong.sqlite3');
    const backups = path.join(dir, 'backups');
    useNativeBinding(addon);
    const backup = await backupFile(dbFile, backups, { reason: 'manual' });

    useNativeBinding(path.join(dir, 'missing', 'better_sqlite3.node'));
    expect(inspectDatabaseFile(dbFile).verdict).toMatch(/^SQLite 报告：.*missing/);
    await expect(backupFile(dbFile, backups, { reason: 'manual' })).rejects.toThrow(/missing/);
    await expect(restoreBackup(dir, dbFile, backup.name)).rejects.toThrow();
    useNativeBinding(addon);
  });
});
