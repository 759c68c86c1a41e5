/**
 * Why the database (or the folder it lives in) cannot be used right now, told apart so that the advice fits:
 * a locked database, a read-only folder and a full disk are not damage, and restoring a backup would only make
 * things worse. Damaged and missing databases are `DamagedDatabaseError` (backup/database-health.ts), which
 * offers a backup.
 */
import { accessSync, constants } from 'node:fs';
import { UserFacingError } from '#shared/errors.ts';

export type PassingTrouble = 'locked' | 'read-only' | 'disk-full';

const advice: Record<PassingTrouble, (where: string) => string> = {
  locked: (where) =>
    `数据文件「${where}」正被另一个程序占用（已被锁定），卷宗没有修改它。数据没有损坏，请不要用备份恢复：` +
    '请关闭其他正在使用这个数据文件夹的卷宗窗口、命令或同步软件，稍后再试。',
  'read-only': (where) =>
    `「${where}」是只读的（U 盘的写保护开关打开、光盘、或没有写入权限），卷宗无法保存。数据没有损坏，请不要用备份恢复：` +
    '请关闭写保护，或把数据放到可以写入的文件夹后再试。',
  'disk-full': (where) =>
    `「${where}」所在的磁盘已满，卷宗无法写入，刚才的操作没有保存。数据没有损坏，请不要用备份恢复：` +
    '请删除不需要的文件、腾出空间后再试。',
};

/** Locked, read-only or a full disk: try again later or elsewhere; never a reason to restore. */
export class DatabaseUnavailableError extends UserFacingError {
  constructor(
    readonly trouble: PassingTrouble,
    readonly where: string,
  ) {
    super(`db-${trouble}`, advice[trouble](where));
    this.name = 'DatabaseUnavailableError';
  }
}

const errnoTrouble: Record<string, PassingTrouble> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EROFS: 'read-only',
  EACCES: 'read-only',
  EPERM: 'read-only',
  EBUSY: 'locked',
};

function isWritable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The passing trouble behind a SQLite or file-system error, or undefined when it is something else (damage, a
 * bug). `folder` is checked for write access when SQLite only says it cannot open a file.
 */
export function passingTroubleOf(error: unknown, folder?: string): PassingTrouble | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (code in errnoTrouble) return errnoTrouble[code];
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code.startsWith('SQLITE_READONLY')) return 'read-only';
  if (code === 'SQLITE_FULL') return 'disk-full';
  if (code.startsWith('SQLITE_CANTOPEN') && folder && !isWritable(folder)) return 'read-only';
  return undefined;
}

/** Rethrows `error` as a DatabaseUnavailableError when it is a passing trouble; otherwise as it was. */
export function explainTrouble(error: unknown, where: string, folder?: string): never {
  const trouble = passingTroubleOf(error, folder);
  if (trouble) throw new DatabaseUnavailableError(trouble, where);
  throw error;
}
