/**
 * One owner of a data folder at a time (electron/core/safety/data-lock.ts) and the marker that makes a folder a
 * data folder (safety/data-folder.ts). The window is real services in this process; commands are `runCli`, and
 * a dead owner is a child process killed with SIGKILL.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markerFileName } from '../../electron/core/safety/data-folder.ts';
import { tryLock } from '../../electron/core/safety/data-lock.ts';
import { databaseFileName, openServices } from '../../electron/core/services/index.ts';
import { bundleChild } from '../crash/helpers/bundle-child.ts';
import { call, ensureApplication, randomPdfBytes } from '../crash/children/seed.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { cli } from './support.ts';

const fresh = useTempDir('juanzong-lock-');

/** What a window (or a command) has in progress in a data folder: exactly what start-up tidying deletes. */
function plantWorkInProgress(dataDir: string): string[] {
  const files = [
    path.join(dataDir, 'files', 'tmp', 'incoming.part'),
    path.join(dataDir, 'staging', 'import-1', '0'),
    path.join(dataDir, 'dossiers', 'job-1', 'dossier.pdf'),
    path.join(dataDir, 'files', 'objects', 'ab', 'ab'.padEnd(64, '0')),
  ];
  for (const file of files) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'work in progress');
  }
  return files;
}

const manualBackups = (dataDir: string) =>
  readdirSync(path.join(dataDir, 'backups')).filter((n) => n.endsWith('-manual.sqlite3'));

describe('one owner of a data folder', () => {
  it('lets a command list beside the window, but not tidy or write; the window’s work survives', async () => {
    const dataDir = await fresh();
    const window = await openServices({ dataDir, owner: { role: 'window', task: '窗口' } });
    await ensureApplication(window);
    const inProgress = plantWorkInProgress(dataDir);

    const list = await cli('--data', dataDir, 'applications', 'list');
    expect(list.code).toBe(0);
    expect(list.out).toContain('深圳市测试科技有限公司');
    const create = await cli('--data', dataDir, 'backup', 'create');
    expect(create.code).toBe(1);
    expect(create.err).toContain(`正由卷宗窗口（进程 ${process.pid}`);
    expect(create.err).toContain('先关闭卷宗窗口');
    for (const file of inProgress) expect(existsSync(file), file).toBe(true);
    expect(manualBackups(dataDir)).toHaveLength(0);

    window.close();
    expect((await cli('--data', dataDir, 'backup', 'create')).code).toBe(0);
    expect(manualBackups(dataDir)).toHaveLength(1);
  });

  it('makes a writing command wait for another command to finish', async () => {
    const dataDir = await fresh();
    (await openServices({ dataDir })).close();
    const other = tryLock(dataDir, { role: 'cli', task: 'juanzong archive import x.juanzong' })!;
    setTimeout(() => other.release(), 800);
    const create = await cli('--data', dataDir, 'backup', 'create');
    expect(create.err).toBe('');
    expect(create.code).toBe(0);
  });

  it('lets the next owner tidy only what a dead owner left', async () => {
    const dataDir = await fresh();
    const child = spawn(process.execPath, [
      await bundleChild(path.join(import.meta.dirname, 'children', 'hold-folder.ts')),
      dataDir,
    ]);
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`hold-folder exited ${code}`)));
    });
    const inProgress = plantWorkInProgress(dataDir);
    const refused = await cli('--data', dataDir, 'archive', 'import', path.join(dataDir, 'none.juanzong'));
    expect(refused.err).toContain(`进程 ${child.pid}`);
    for (const file of inProgress) expect(existsSync(file)).toBe(true);

    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const next = await openServices({ dataDir });
    for (const file of inProgress) expect(existsSync(file), file).toBe(false);
    expect(await call(next, 'applications:list', {})).toHaveLength(1);
    next.close();
  });
});

describe('a data folder is marked', () => {
  it('refuses an ordinary folder by name and deletes nothing in it', async () => {
    const folder = await fresh();
    const users = plantWorkInProgress(folder);
    writeFileSync(path.join(folder, '笔记.txt'), '不是卷宗的文件');
    for (const argv of [
      ['applications', 'list'],
      ['backup', 'create'],
      ['archive', 'import', 'x.juanzong'],
    ]) {
      const result = await cli('--data', folder, ...argv);
      expect(result.code).toBe(1);
      expect(result.err).toContain(`「${folder}」不是卷宗的数据文件夹`);
    }
    await expect(openServices({ dataDir: folder })).rejects.toMatchObject({ code: 'not-a-data-folder' });
    for (const file of users) expect(existsSync(file), file).toBe(true);
    expect(existsSync(path.join(folder, databaseFileName))).toBe(false);
    expect(existsSync(path.join(folder, markerFileName))).toBe(false);
  });

  it('marks a new folder, and an older version’s folder on first open', async () => {
    const parent = await fresh();
    const dataDir = path.join(parent, '新的数据');
    const s = await openServices({ dataDir });
    expect(existsSync(path.join(dataDir, markerFileName))).toBe(true);
    await ensureApplication(s);
    await call(s, 'attachments:add', {
      applicationId: 1,
      materialId: 'business-license',
      fileName: 'a.pdf',
      bytes: randomPdfBytes(2000),
    });
    s.close();
    // As an older Juanzong left it: a database and files, no marker.
    rmSync(path.join(dataDir, markerFileName));
    const list = await cli('--data', dataDir, 'applications', 'list');
    expect(list.code).toBe(0);
    expect(existsSync(path.join(dataDir, markerFileName))).toBe(true);
  });
});
