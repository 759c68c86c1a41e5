import { describe, expect, it } from 'vitest';
import { isUncPath, networkPathWarning } from '../../electron/core/safety/network-path.ts';

const mounts = [
  '/dev/sda1 / ext4 rw 0 0',
  '//nas/share /mnt/nas cifs rw 0 0',
  'server:/export /mnt/nfs nfs4 rw 0 0',
].join('\n');

describe('data folder on a network path', () => {
  it.each([
    ['\\\\fileserver\\finance\\juanzong', true],
    ['//fileserver/finance/juanzong', true],
    ['\\\\?\\UNC\\fileserver\\finance', true],
    ['\\\\?\\C:\\Users\\clerk', false],
    ['C:\\Users\\clerk\\AppData', false],
  ])('%s is UNC: %s', (p, unc) => expect(isUncPath(p)).toBe(unc));

  it('warns for UNC paths and CIFS/NFS mounts, in Chinese, naming the folder', () => {
    expect(networkPathWarning('\\\\fileserver\\finance', 'win32')?.message).toContain('网络共享');
    expect(networkPathWarning('/mnt/nas/juanzong', 'linux', mounts)).toMatchObject({ code: 'data-on-network' });
    expect(networkPathWarning('/mnt/nfs/x', 'linux', mounts)?.message).toContain('nfs4');
    expect(networkPathWarning('/home/clerk/juanzong', 'linux', mounts)).toBeNull();
  });
});
