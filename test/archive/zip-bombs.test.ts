/**
 * Zip bombs that stay under the per-entry ratio limit: many directory entries sharing one deflated block (the
 * issue's 234 KB archive that wrote 2 GB to staging, and a 1.2 MB one that would write 3.6 GB), an entry whose
 * data runs over the next one's, a disk too small for what the directory declares. Each is refused before
 * anything is unpacked. Time and peak memory are printed (measured, not asserted: see `npm run bench`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importArchive } from '../../electron/core/archive/import-archive.ts';
import { openServices, type Services } from '../../electron/core/services/index.ts';
import { rawZip, type RawEntry } from './zip-bytes.ts';

let root: string;
let s: Services;
beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'juanzong-bombs-'));
  s = await openServices({ dataDir: path.join(root, 'data') });
});
afterAll(() => {
  s.close();
  rmSync(root, { recursive: true, force: true });
});

const hash = (i: number) => i.toString(16).padStart(64, '0');

/** `count` directory entries (the manifest and attachments), all attachments pointing at one deflated block of `data`. */
function sharedBlockBomb(count: number, data: Uint8Array): Buffer {
  const manifest: RawEntry = { name: 'juanzong-archive.json', written: true, data: new TextEncoder().encode('{}') };
  const first: RawEntry = { name: `files/${hash(0)}`, written: true, data };
  const rest = Array.from({ length: count - 2 }, (_, i): RawEntry => ({
    name: `files/${hash(i + 1)}`,
    written: false,
    data,
    localOffset: 0,
  }));
  return rawZip([first, manifest, ...rest]);
}

/** Bytes that deflate about 2:1 (four bits of entropy a byte): under any ratio limit. */
function halfCompressible(size: number): Uint8Array {
  const bytes = randomBytes(size);
  for (let i = 0; i < size; i += 1) bytes[i]! &= 0x0f;
  return bytes;
}

const stagingBytes = () => {
  const dir = path.join(root, 'data', 'staging');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(path.join(e.parentPath, e.name)).size, 0);
};

async function refusedWith(name: string, bytes: Buffer, code: string, options = {}): Promise<void> {
  const archive = path.join(root, name);
  writeFileSync(archive, bytes);
  const peakBefore = process.resourceUsage().maxRSS;
  const started = performance.now();
  const refusal = await importArchive(s, archive, options).catch((error: unknown) => error);
  const ms = performance.now() - started;
  const peakAfter = process.resourceUsage().maxRSS;
  console.log(
    `${name}: ${(bytes.length / 1024).toFixed(0)} KB → ${code} in ${ms.toFixed(0)} ms; peak RSS ${(peakAfter / 1024).toFixed(0)} MiB (raised by ${((peakAfter - peakBefore) / 1024).toFixed(0)} MiB)`,
  );
  expect(refusal).toMatchObject({ code, message: expect.stringContaining(name) });
  expect(stagingBytes()).toBe(0);
  expect(await s.handlers['applications:list']({})).toHaveLength(0);
  // The budget for a hostile input: 1 GiB.
  expect(peakAfter).toBeLessThan(1024 * 1024);
}

describe('zip bombs under the ratio limit', () => {
  it('refuses 2,000 entries sharing one 1 MiB block of zeros (2 GB declared) before unpacking anything', async () => {
    const bomb = sharedBlockBomb(2_000, new Uint8Array(1 << 20));
    expect(bomb.length).toBeLessThan(300 * 1024);
    await refusedWith('共用数据.juanzong', bomb, 'archive-overlapping-entries');
  });

  it('refuses 2,000 entries sharing a 1.8 MiB block that deflates only 2:1 (3.6 GB declared)', async () => {
    const bomb = sharedBlockBomb(2_000, halfCompressible(1_800_000));
    await refusedWith('低压缩比.juanzong', bomb, 'archive-overlapping-entries');
  });

  it('refuses an entry whose declared data runs over the next entry', async () => {
    const zip = Buffer.from(
      zipSync(
        { 'juanzong-archive.json': new TextEncoder().encode('{}'), [`files/${hash(1)}`]: new Uint8Array(5000).fill(7) },
        { level: 0 },
      ),
    );
    const record = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(zip.readUInt32LE(record + 20) + 200, record + 20); // the manifest now claims 200 more bytes
    zip.writeUInt32LE(zip.readUInt32LE(record + 24) + 200, record + 24);
    await refusedWith('越界.juanzong', zip, 'archive-overlapping-entries');
  });

  it('refuses an archive that would not fit on the disk, before unpacking', async () => {
    const files = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`files/${hash(i)}`, randomBytes(1 << 20)]));
    const zip = Buffer.from(
      zipSync({ 'juanzong-archive.json': new TextEncoder().encode('{}'), ...files }, { level: 0 }),
    );
    await refusedWith('磁盘不够.juanzong', zip, 'archive-no-space', { freeBytes: async () => 40 * 1024 * 1024 });
  });
});
