/**
 * What the window does when the database is damaged (or missing while backups exist) at start-up: it never shows a
 * crash and never starts empty. With a backup, a message box names the file and the newest backup and offers to
 * restore it; without one, it says where the damaged file is and what to do. The decision lives here, with Electron's
 * dialog and the core's functions passed in, so `test/electron/damaged-database.test.ts` runs it on a real folder.
 */
import type { MessageBoxOptions as ElectronMessageBoxOptions } from 'electron';
import type { BackupInfo } from '../core/backup/backup-files.ts';
import { DamagedDatabaseError } from '../core/backup/database-health.ts';
import type { RestoreResult } from '../core/backup/restore-backup.ts';

/** The part of Electron's `dialog.showMessageBox` options used here, each one set. */
export type MessageBoxOptions = Required<
  Pick<ElectronMessageBoxOptions, 'title' | 'message' | 'detail' | 'buttons' | 'defaultId' | 'cancelId'>
> & { type: 'error' | 'warning' | 'info'; noLink?: boolean };

export interface RecoveryDeps {
  showMessageBox: (options: MessageBoxOptions) => Promise<{ response: number }>;
  /** The core's `restoreBackup` (needs no open services). */
  restoreBackup: (dataDir: string, dbFile: string, name: string) => Promise<RestoreResult>;
  dataDir: string;
  log?: { info: (message: string) => void };
}

export const restoreButton = '用最近的备份恢复';
export const quitButton = '退出';

/** A backup's time as the clerk reads it (Shenzhen time, to the second, as the window shows it). */
export function localTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
}

function offerRestore(error: DamagedDatabaseError, newest: BackupInfo): MessageBoxOptions {
  return {
    type: 'warning',
    title: '卷宗的数据文件无法使用',
    message: '卷宗的数据文件无法使用，可以用最近的备份恢复。',
    detail:
      `数据文件：${error.file}\n原因：${error.detail}\n\n` +
      `最近的备份：${localTime(newest.takenAt)}（${newest.name}）\n\n` +
      '选择「用最近的备份恢复」后，损坏的文件会先移到数据文件夹的 damaged 文件夹中保留，然后卷宗用这个备份打开；' +
      '备份之后所做的修改需要重新录入。\n选择「退出」则什么都不改动。',
    buttons: [restoreButton, quitButton],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
}

function noBackup(error: DamagedDatabaseError): MessageBoxOptions {
  return {
    type: 'error',
    title: '卷宗的数据文件无法使用',
    message: '卷宗的数据文件无法使用，也没有找到备份。',
    detail:
      `数据文件：${error.file}\n原因：${error.detail}\n\n` +
      '卷宗没有修改或覆盖这个文件，也没有新建空白数据。请不要删除它：把它复制一份保存好，然后联系技术支持。',
    buttons: [quitButton],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/**
 * Opens the services; when that fails with `db-damaged`, asks the clerk and restores the newest backup (then opens
 * again) or answers `null`, meaning quit without touching anything. Any other failure is thrown as it was.
 *
 * @example
 * const services = await openOrRecover(() => openServices(options), { showMessageBox, restoreBackup, dataDir });
 * if (!services) return app.exit(0);
 */
export async function openOrRecover<S>(open: () => Promise<S>, deps: RecoveryDeps): Promise<S | null> {
  try {
    return await open();
  } catch (error) {
    if (!(error instanceof DamagedDatabaseError)) throw error;
    const newest = error.backups.at(-1);
    if (!newest) {
      await deps.showMessageBox(noBackup(error));
      return null;
    }
    const { response } = await deps.showMessageBox(offerRestore(error, newest));
    if (response !== 0) return null;
    const result = await deps.restoreBackup(deps.dataDir, error.file, newest.name);
    deps.log?.info(`restored ${result.restored.name}; damaged file moved to ${result.movedAside ?? '(none)'}`);
    return open();
  }
}
