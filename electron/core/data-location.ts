/**
 * Where the window keeps the clerk's data, and moving it elsewhere. The data folder is `userData` (which the main
 * process sets to the same folder the CLI uses) unless `$JUANZONG_DATA` names another, or the clerk moved it:
 * then `data-location.json` in `userData` points at the new folder from the next start.
 * The window's 移动数据 calls `moveDataDir`; `resolveDataDir` (in `paths.ts`) reads the pointer at every start.
 */
import { cp, mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '#shared/errors.ts';
import { openDatabase, type Db } from './db/connection.ts';
import { integrityCheck } from './db/queries/database-file.ts';
import { pointerFileName } from './paths.ts';
import { writeAtomically } from './safety/atomic-output.ts';
import { databaseFileName } from './services/index.ts';

/** The folder made inside the one the clerk chooses. */
export const movedFolderName = 'juanzong';

async function isMissingOrEmpty(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch {
    return true;
  }
}

async function listFiles(dir: string, base = dir): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, v] of await listFiles(full, base)) found.set(k, v);
    else if (entry.isFile()) found.set(path.relative(base, full), (await stat(full)).size);
  }
  return found;
}

/**
 * What a data folder holds besides the live database (copied with SQLite's backup instead): the stored files, the
 * backups, exports and set-aside damaged databases. Temp folders, jobs' outputs and, when the data folder is
 * `userData`, Chromium's own folders stay behind.
 */
export const carriedFolders = [path.join('files', 'objects'), 'backups', 'exports', 'damaged'];

async function copyFolders(from: string, to: string): Promise<void> {
  for (const folder of carriedFolders) {
    await cp(path.join(from, folder), path.join(to, folder), {
      recursive: true,
      errorOnExist: true,
      force: false,
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}

async function checkCopy(from: string, to: string, nativeBinding?: string): Promise<void> {
  for (const folder of carriedFolders) {
    const [a, b] = await Promise.all([listFiles(path.join(from, folder)), listFiles(path.join(to, folder))]);
    const same = a.size === b.size && [...a].every(([name, size]) => b.get(name) === size);
    if (!same) throw new Error(`the copy of ${folder} differs from the original`);
  }
  const copy = openDatabase(path.join(to, databaseFileName), {
    readonly: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    const result = integrityCheck(copy);
    if (result !== 'ok') throw new Error(`integrity_check: ${result}`);
  } finally {
    copy.close();
  }
}

export interface MoveRequest {
  /** The open database: copied with SQLite's online backup, so the copy is consistent. */
  db: Db;
  /** The current data folder. */
  from: string;
  /** The folder the clerk chose; the data goes into `<chosen>/juanzong`. */
  chosen: string;
  /** Where `data-location.json` lives. */
  userData: string;
  nativeBinding?: string;
}

/**
 * Copies the database (online backup) and the `carriedFolders` into `<chosen>/juanzong`, checks the copy (same
 * files and sizes, an intact database), then points `data-location.json` at it. The old folder is left untouched; nothing changes
 * for this run, so the caller restarts the app. A failed copy is removed and nothing is switched.
 */
export async function moveDataDir(request: MoveRequest): Promise<string> {
  const target = path.join(path.resolve(request.chosen), movedFolderName);
  const from = path.resolve(request.from);
  if (target === from || target.startsWith(from + path.sep)) {
    throw new UserFacingError('data-move-inside', '不能把数据移到当前数据文件夹里面。请选择其他文件夹。');
  }
  if (!(await isMissingOrEmpty(target))) {
    throw new UserFacingError('data-move-exists', `「${target}」已存在且不是空的。请选择其他文件夹。`);
  }
  try {
    await mkdir(path.join(target, 'files'), { recursive: true });
    await request.db.backup(path.join(target, databaseFileName));
    await copyFolders(from, target);
    await checkCopy(from, target, request.nativeBinding);
  } catch (error) {
    await rm(target, { recursive: true, force: true });
    if (error instanceof UserFacingError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new UserFacingError(
      'data-move-failed',
      `复制数据到「${target}」没有成功（${detail}）。数据仍在原处，没有任何改动。`,
    );
  }
  await writePointer(request.userData, target);
  return target;
}

async function writePointer(userData: string, dataDir: string): Promise<void> {
  const file = path.join(userData, pointerFileName);
  const pointer = `${JSON.stringify({ dataDir, movedAt: new Date().toISOString() }, null, 2)}\n`;
  await writeAtomically(file, (handle) => handle.writeFile(pointer));
}
