import os from 'node:os';
import path from 'node:path';

/**
 * Where the clerk's data lives unless `--data` or $JUANZONG_DATA says otherwise. The window and the CLI use the
 * same folder, so what one writes the other sees: the platform's per-user application-data folder + `juanzong`.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.JUANZONG_DATA) return path.resolve(env.JUANZONG_DATA);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'juanzong');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'juanzong');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'juanzong');
}
