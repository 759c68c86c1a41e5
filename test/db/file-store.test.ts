import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore } from '../../electron/core/store/file-store.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('the file store', () => {
  it('keeps a file under its sha256 and stores the same bytes once', async () => {
    const store = new FileStore(await tempDir());
    await store.init();
    const bytes = new TextEncoder().encode('营业执照扫描件');
    const first = await store.putBytes(bytes);
    const again = await store.putBytes(bytes);
    expect(first).toEqual({ sha256: sha(bytes), size: bytes.byteLength });
    expect(again.sha256).toBe(first.sha256);
    expect(store.pathOf(first.sha256)).toContain(path.join('objects', first.sha256.slice(0, 2), first.sha256));
    expect(await readFile(store.pathOf(first.sha256))).toEqual(Buffer.from(bytes));
    expect(await readdir(path.join(store.objectsDir, first.sha256.slice(0, 2)))).toEqual([first.sha256]);
    expect(await readdir(store.tmpDir)).toEqual([]);
  });

  it('streams a file from disk to the same address as its bytes', async () => {
    const dir = await tempDir();
    const store = new FileStore(path.join(dir, 'store'));
    await store.init();
    const source = path.join(dir, 'scan.bin');
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    await writeFile(source, bytes);
    expect(await store.putFile(source)).toEqual({ sha256: sha(bytes), size: bytes.byteLength });
    expect(await store.has(sha(bytes))).toBe(true);
  });

  it('leaves no temp file and no object when a file cannot be read to the end', async () => {
    const dir = await tempDir();
    const store = new FileStore(path.join(dir, 'store'));
    await store.init();
    // A folder chosen by mistake: opening it succeeds, reading it fails (EISDIR) after the temp file exists.
    const folder = path.join(dir, 'not-a-file.pdf');
    await mkdir(folder);
    await expect(store.putFile(folder)).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await readdir(store.tmpDir)).toEqual([]);
    expect(await readdir(store.objectsDir)).toEqual([]);
  });

  it('removes temp files and unreferenced objects at start-up, keeping referenced ones', async () => {
    const store = new FileStore(await tempDir());
    await store.init();
    const kept = await store.putBytes(new Uint8Array([1, 2, 3]));
    const orphan = await store.putBytes(new Uint8Array([4, 5, 6]));
    await writeFile(path.join(store.tmpDir, 'half-written.part'), 'x');
    await mkdir(path.join(store.objectsDir, 'ff'), { recursive: true });
    expect(await store.cleanup(new Set([kept.sha256]))).toEqual({ tempFiles: 1, orphans: 1 });
    expect(await store.has(kept.sha256)).toBe(true);
    expect(await store.has(orphan.sha256)).toBe(false);
    expect(await readdir(store.tmpDir)).toEqual([]);
  });

  it('refuses an address that is not a sha256', async () => {
    const store = new FileStore(await tempDir());
    expect(() => store.pathOf('../../etc/passwd')).toThrow(/not a sha256/);
  });
});
