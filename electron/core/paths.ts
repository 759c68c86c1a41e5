import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The database's file in a data folder. */
export const databaseFileName = 'juanzong.sqlite3';

/** In the per-user folder, the note that the clerk moved the data elsewhere (written by the window's 移动数据). */
export const pointerFileName = 'data-location.json';

/** The platform's per-user application-data folder + `juanzong`: Electron's `userData` is set to it as well. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'juanzong');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'juanzong');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'juanzong');
}

/** The data folder for this start: `$JUANZONG_DATA`, else the folder the clerk moved the data to, else `userData`. */
export function resolveDataDir(userData: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.JUANZONG_DATA) return path.resolve(env.JUANZONG_DATA);
  try {
    const pointer = JSON.parse(readFileSync(path.join(userData, pointerFileName), 'utf8')) as { dataDir?: unknown };
    if (typeof pointer.dataDir === 'string' && path.isAbsolute(pointer.dataDir)) return pointer.dataDir;
  } catch {
    // No pointer (never moved) or an unreadable one: the default folder.
  }
  return userData;
}

/**
 * Where the clerk's data lives unless `--data` says otherwise: the same folder for the window and the CLI, so what
 * one writes the other sees — also after the clerk moved it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return resolveDataDir(userDataDir(env, platform), env);
}
