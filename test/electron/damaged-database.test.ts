// The start-up answer to a damaged database (electron/main/damaged-database.ts), run with the real core on a temp data
// folder: a stand-in dialog chooses, the real `restoreBackup` restores (behind a spy), the real `openServices` opens.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { restoreBackup } from '../../electron/core/backup/restore-backup.ts';
import { databaseFileName, openServices, type Services } from '../../electron/core/services/index.ts';
import {
  localTime,
  openOrRecover,
  quitButton,
  restoreButton,
  type MessageBoxOptions,
} from '../../electron/main/damaged-database.ts';

const garbage = Buffer.from('这不是一个 SQLite 文件。'.repeat(400));

describe('openOrRecover: a damaged database at start-up', () => {
  let dataDir: string;
  let dbFile: string;
  let opened: Services | null = null;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'juanzong-damaged-'));
    dbFile = path.join(dataDir, databaseFileName);
  });
  afterEach(async () => {
    opened?.close();
    opened = null;
    await rm(dataDir, { recursive: true, force: true });
  });

  /** A folder with one applicant, a manual backup of it, then the database overwritten with garbage. */
  async function damageAfterBackup(): Promise<string> {
    const services = await openServices({ dataDir, version: 'test' });
    await services.handlers['applicants:create']({
      name: '深圳市备份测试科技有限公司',
      creditCode: '',
      kind: 'enterprise',
      registeredIn: '',
      established: null,
      contact: '',
      phone: '',
      address: '',
    });
    const backup = await services.handlers['backup:create']({});
    services.close();
    for (const suffix of ['-wal', '-shm']) await rm(dbFile + suffix, { force: true });
    await writeFile(dbFile, garbage);
    return backup.name;
  }

  function standIns(answer: string) {
    const boxes: MessageBoxOptions[] = [];
    const showMessageBox = vi.fn(async (options: MessageBoxOptions) => {
      boxes.push(options);
      return { response: Math.max(0, options.buttons.indexOf(answer)) };
    });
    const restore = vi.fn(restoreBackup);
    const open = vi.fn(() => openServices({ dataDir, version: 'test' }));
    return { boxes, deps: { showMessageBox, restoreBackup: restore, dataDir }, restore, open };
  }

  it('restore chosen: names the file and the newest backup, restores it, then opens with the data back', async () => {
    const backupName = await damageAfterBackup();
    const { boxes, deps, restore, open } = standIns(restoreButton);

    opened = await openOrRecover(open, deps);

    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.buttons).toEqual([restoreButton, quitButton]);
    expect(boxes[0]!.detail).toContain(dbFile);
    // The newest backup: the daily one taken at the first start is older than the manual one.
    expect(boxes[0]!.detail).toContain(backupName);
    expect(restore).toHaveBeenCalledWith(dataDir, dbFile, backupName);
    expect(open).toHaveBeenCalledTimes(2);
    expect(restore.mock.invocationCallOrder[0]!).toBeLessThan(open.mock.invocationCallOrder[1]!);
    expect(opened).not.toBeNull();
    const applicants = await opened!.handlers['applicants:list']({});
    expect(applicants.map((a) => a.name)).toEqual(['深圳市备份测试科技有限公司']);
    // The damaged file was kept aside, byte for byte.
    const [aside] = await readdir(path.join(dataDir, 'damaged'));
    expect(await readFile(path.join(dataDir, 'damaged', aside!))).toEqual(garbage);
  });

  it('退出 chosen: answers null, restores nothing, creates no database and leaves the damaged file as it was', async () => {
    await damageAfterBackup();
    const before = await readdir(dataDir);
    const { boxes, deps, restore, open } = standIns(quitButton);

    expect(await openOrRecover(open, deps)).toBeNull();

    expect(boxes).toHaveLength(1);
    expect(restore).not.toHaveBeenCalled();
    expect(open).toHaveBeenCalledTimes(1);
    expect(await readFile(dbFile)).toEqual(garbage);
    expect(await readdir(dataDir)).toEqual(before);
    expect(existsSync(path.join(dataDir, 'damaged'))).toBe(false);
  });

  it('no backups: says where the damaged file is and what to do, offers only 退出, touches nothing', async () => {
    await writeFile(dbFile, garbage);
    const { boxes, deps, restore, open } = standIns(restoreButton);

    expect(await openOrRecover(open, deps)).toBeNull();

    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.buttons).toEqual([quitButton]);
    expect(boxes[0]!.detail).toContain(dbFile);
    expect(boxes[0]!.detail).toMatch(/没有修改或覆盖.*联系技术支持/s);
    expect(restore).not.toHaveBeenCalled();
    expect(await readFile(dbFile)).toEqual(garbage);
    expect((await readdir(dataDir)).filter((n) => n.startsWith(databaseFileName))).toEqual([databaseFileName]);
  });

  it('a database deleted while backups exist gets the same offer; any other failure is thrown as it was', async () => {
    await damageAfterBackup();
    await rm(dbFile);
    const { boxes, deps, open } = standIns(quitButton);
    expect(await openOrRecover(open, deps)).toBeNull();
    expect(boxes[0]!.detail).toContain('文件不存在');
    expect(existsSync(dbFile)).toBe(false);

    const other = new Error('disk gone');
    await expect(openOrRecover(() => Promise.reject(other), deps)).rejects.toBe(other);
  });
});

describe('localTime', () => {
  it('shows a backup time in Shenzhen time', () => {
    expect(localTime('2026-11-29T08:09:10.000Z')).toBe('2026/11/29 16:09:10');
  });
});
