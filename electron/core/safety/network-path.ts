/**
 * SQLite's advice: keep the database off network file systems (their locking is unreliable, so two machines or a
 * dropped link can corrupt it). Juanzong still opens such a folder, and warns.
 */
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

const networkFsTypes = new Set([
  'cifs',
  'smb3',
  'smbfs',
  'nfs',
  'nfs4',
  'fuse.sshfs',
  'afs',
  'ceph',
  'glusterfs',
  'davfs',
  'fuse.davfs2',
  '9p',
]);

/** `\\server\share\…` or `//server/share/…`, but not the local device forms `\\?\C:\…` and `\\.\…`. */
export function isUncPath(p: string): boolean {
  if (/^[\\/]{2}[?.][\\/]/.test(p)) return /^[\\/]{2}\?[\\/]UNC[\\/]/i.test(p);
  return /^[\\/]{2}[^\\/]+[\\/][^\\/]+/.test(p);
}

/** The file-system type of the mount holding `dir`, from /proc/mounts (Linux only; undefined elsewhere). */
export function mountTypeOf(dir: string, mounts?: string): string | undefined {
  let table = mounts;
  try {
    table ??= readFileSync('/proc/mounts', 'utf8');
  } catch {
    return undefined;
  }
  let real = dir;
  try {
    real = realpathSync(dir);
  } catch {
    // Not created yet: judge by the path as written.
  }
  let best: { point: string; type: string } | undefined;
  for (const line of table.split('\n')) {
    const [, point, type] = line.split(' ');
    if (!point || !type) continue;
    const inside = real === point || real.startsWith(point.endsWith('/') ? point : `${point}/`);
    if (inside && (!best || point.length > best.point.length)) best = { point, type };
  }
  return best?.type;
}

export interface DataWarning {
  code: string;
  message: string;
}

export function networkPathWarning(dataDir: string, platform = process.platform, mounts?: string): DataWarning | null {
  const unc = isUncPath(dataDir);
  const type = !unc && platform === 'linux' ? mountTypeOf(dataDir, mounts) : undefined;
  if (!unc && !(type && networkFsTypes.has(type))) return null;
  const where = unc ? '网络共享（UNC 路径）' : `网络文件系统（${type}）`;
  return {
    code: 'data-on-network',
    message:
      `数据文件夹「${path.normalize(dataDir)}」位于${where}上。SQLite 官方建议不要把数据库放在网络文件系统上：` +
      '断网或多台电脑同时打开都可能损坏数据。请把数据文件夹移到本机硬盘（菜单中的「移动数据文件夹」）。',
  };
}
