/**
 * Where the built pieces of the app are, relative to the app folder (the project in `npm start`, `app.asar` in a
 * package). Native files cannot be loaded from inside an asar archive: they are unpacked next to it
 * (`asarUnpack` in electron-builder.yml), so their paths go through `app.asar.unpacked`.
 */
import path from 'node:path';
import type { App } from 'electron';

/** `…/app.asar` → `…/app.asar.unpacked`; a plain folder stays as it is. */
export function unpackedDir(appPath: string): string {
  return appPath.replace(/\.asar$/, '.asar.unpacked');
}

export interface AppFiles {
  /** The built renderer, served at `app://juanzong/`. */
  rendererDir: string;
  /** The sandboxed preload bundle. */
  preload: string;
  /** The assembly worker bundle, run in a utilityProcess. */
  assemblyWorker: string;
  /** better-sqlite3 compiled for Electron's ABI (see `build/native-electron.mjs`). */
  sqliteBinding: string;
  /** The dossier's Chinese font; the bundled core cannot find it relative to its own source any more. */
  font: string;
}

export function appFiles(app: Pick<App, 'getAppPath'>): AppFiles {
  const appPath = app.getAppPath();
  return {
    rendererDir: path.join(appPath, 'out', 'renderer'),
    preload: path.join(appPath, 'out', 'preload', 'index.cjs'),
    assemblyWorker: path.join(appPath, 'out', 'main', 'assembly-worker.cjs'),
    sqliteBinding: path.join(unpackedDir(appPath), 'out', 'native', 'electron', 'better_sqlite3.node'),
    font: path.join(appPath, 'assets', 'fonts', 'wqy-microhei.ttc'),
  };
}
