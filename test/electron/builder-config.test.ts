// electron-builder.yml checked with electron-builder's own loader and JSON schema (what `electron-builder` runs
// before any download), plus the decisions the schema cannot know about.
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const load = () => getConfig(root, path.join(root, 'electron-builder.yml'), null);

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema', async () => {
    const config = await load();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is rejected by the same check when it is wrong (the check has teeth)', async () => {
    const config = { ...(await load()), nsis: { oneClick: 'sometimes' } } as never;
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/);
  });

  it('says what the issue decided', async () => {
    const config = await load();
    expect(config.appId).toBe('cn.juanzong.app');
    expect(config.productName).toBe('卷宗 Juanzong');
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
    });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toMatchObject([{ target: 'nsis' }]);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining([
        'out/native/electron/**',
        'node_modules/better-sqlite3/**',
        'node_modules/sharp/**',
        'node_modules/@img/**',
      ]),
    );
    // Rebuilding in place would replace the Node build that npm test loads; the Electron build ships from out/native.
    expect(config.npmRebuild).toBe(false);
    const files = JSON.stringify(config.files);
    expect(files).toContain('out/native/electron/**');
    expect(files).toContain('!node_modules/better-sqlite3/build/**');
    expect(config.directories?.buildResources).toBe('build');
  });
});
