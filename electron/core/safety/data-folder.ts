/**
 * A Juanzong data folder carries a marker file, written when the folder is made. Start-up tidying deletes things
 * (temp files, staging, old dossiers), so it runs only in a folder that has the marker: `--data ~/文档` must never
 * empty someone's `dossiers/` or `staging/`. A folder made by an older version (it has `juanzong.sqlite3`) gets
 * the marker on first open; the platform's own per-user folder is ours by definition (Electron fills it first).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '#shared/errors.ts';
import { databaseFileName, userDataDir } from '../paths.ts';

export const markerFileName = 'juanzong-data-folder.json';

export class NotADataFolderError extends UserFacingError {
  constructor(readonly dataDir: string) {
    super(
      'not-a-data-folder',
      `「${dataDir}」不是卷宗的数据文件夹（里面已有其他文件，却没有卷宗的标记文件 ${markerFileName}）。` +
        '卷宗没有改动其中任何文件。请用 --data 指定一个空文件夹或原有的卷宗数据文件夹。',
    );
    this.name = 'NotADataFolderError';
  }
}

export function isMarked(dataDir: string): boolean {
  return existsSync(path.join(dataDir, markerFileName));
}

function writeMarker(dataDir: string): void {
  const marker = { app: 'juanzong', note: '卷宗数据文件夹，请勿删除本文件', createdAt: new Date().toISOString() };
  try {
    writeFileSync(path.join(dataDir, markerFileName), `${JSON.stringify(marker, null, 2)}\n`, { flag: 'wx' });
  } catch (error) {
    // Another process starting on the same new folder wrote it first.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** `appFolder`: the folder the app itself was given for its own files (Electron's userData), ours like the default. */
function isOurs(dataDir: string, appFolder?: string): boolean {
  const entries = readdirSync(dataDir);
  if (entries.length === 0 || entries.includes(databaseFileName)) return true;
  return [userDataDir(), appFolder].some((own) => own !== undefined && path.resolve(dataDir) === path.resolve(own));
}

/**
 * Makes sure `dataDir` is a data folder a writer may use: creates it (with the marker) when missing, marks an
 * empty one or one from an older version, and refuses any other folder by name (NotADataFolderError).
 */
export function claimDataFolder(dataDir: string, appFolder?: string): void {
  mkdirSync(dataDir, { recursive: true });
  if (isMarked(dataDir)) return;
  if (!isOurs(dataDir, appFolder)) throw new NotADataFolderError(dataDir);
  writeMarker(dataDir);
}

/** For readers, which write nothing: refuses a folder that exists and is not ours, before anything opens it. */
export function assertReadableDataFolder(dataDir: string): void {
  if (!existsSync(dataDir) || isMarked(dataDir)) return;
  if (!isOurs(dataDir)) throw new NotADataFolderError(dataDir);
}
