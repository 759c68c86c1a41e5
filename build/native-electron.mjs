// Builds better-sqlite3 for Electron's ABI into out/native/electron/better_sqlite3.node, beside (never instead of)
// the Node build in node_modules that `npm test` and the CLI load. The main process opens the database with
// better-sqlite3's `nativeBinding` option pointing at this file; electron-builder ships it unpacked (asarUnpack).
//
// It works on a copy of the package (so node_modules is never touched): first a prebuilt binary for Electron
// (prebuild-install --runtime electron), else a compile against Electron's headers (node-gyp). Both need the
// internet; offline it fails loudly rather than leave Node's build where Electron's should be.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const electronVersion = require('electron/package.json').version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = require('better-sqlite3/package.json').version;
const platform = process.env.npm_config_platform ?? process.platform;
const arch = process.env.npm_config_arch ?? process.arch;

const outDir = path.join(root, 'out', 'native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const infoFile = path.join(outDir, 'build-info.json');
const wanted = { betterSqlite3: sqliteVersion, electron: electronVersion, platform, arch };

if (existsSync(outFile) && existsSync(infoFile) && readFileSync(infoFile, 'utf8') === JSON.stringify(wanted)) {
  console.log(`native-electron: up to date (better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}).`);
  process.exit(0);
}

const work = path.join(root, 'out', 'native', 'work-better-sqlite3');
rmSync(work, { recursive: true, force: true });
cpSync(sqliteDir, work, {
  recursive: true,
  filter: (source) => !/^(build|node_modules)([\\/]|$)/.test(path.relative(sqliteDir, source)),
});

const run = (script, args) =>
  spawnSync(process.execPath, [script, ...args], { cwd: work, stdio: 'inherit', env: { ...process.env } }).status === 0;

const prebuilt = run(require.resolve('prebuild-install/bin.js'), [
  '--runtime=electron',
  `--target=${electronVersion}`,
  `--platform=${platform}`,
  `--arch=${arch}`,
  '--verbose',
]);
const built =
  prebuilt ||
  run(require.resolve('node-gyp/bin/node-gyp.js'), [
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--dist-url=https://electronjs.org/headers',
  ]);
const binary = path.join(work, 'build', 'Release', 'better_sqlite3.node');
if (!built || !existsSync(binary)) {
  console.error(
    `native-electron: could not get better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} ` +
      `(${platform}-${arch}). This needs the internet (a prebuilt binary from GitHub, or Electron's headers).`,
  );
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}

// Node must refuse an Electron build (another NODE_MODULE_VERSION); if it loads, it is Node's build: never ship it.
const probe = spawnSync(process.execPath, ['-e', `process.dlopen({exports:{}}, ${JSON.stringify(binary)})`], {
  encoding: 'utf8',
});
if (platform === process.platform && arch === process.arch && probe.status === 0) {
  console.error('native-electron: the binary loads in Node, so it was built for Node, not Electron. Refusing it.');
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
cpSync(binary, outFile);
writeFileSync(infoFile, JSON.stringify(wanted));
rmSync(work, { recursive: true, force: true });
console.log(
  `native-electron: ${path.relative(root, outFile)} (better-sqlite3 ${sqliteVersion}, Electron ${electronVersion}).`,
);
