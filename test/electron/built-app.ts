import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Lays out under `appPath` what electron/main/index.ts refuses to start without: the Electron build of better-sqlite3
 * (here Node's own, since the stand-in runs on Node) and the assembly worker bundle (which the stand-in never forks).
 */
export async function layOutBuiltApp(appPath: string): Promise<void> {
  const native = path.join(appPath, 'out', 'native', 'electron');
  await mkdir(native, { recursive: true });
  const sqlite = path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
  await copyFile(
    path.join(sqlite, 'build', 'Release', 'better_sqlite3.node'),
    path.join(native, 'better_sqlite3.node'),
  );
  await mkdir(path.join(appPath, 'out', 'main'), { recursive: true });
  await writeFile(path.join(appPath, 'out', 'main', 'assembly-worker.cjs'), '');
}
