/**
 * Moving an application between machines: a round trip gives the same rows and byte-identical files; hostile
 * archives (made here with fflate, not by Juanzong's exporter) are refused with nothing written outside staging.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { exportArchive } from '../../electron/core/archive/export-archive.ts';
import { importArchive } from '../../electron/core/archive/import-archive.ts';
import { openServices, type Services } from '../../electron/core/services/index.ts';
import { call, ensureApplication, randomPdfBytes } from '../crash/children/seed.ts';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'juanzong-archive-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const tables = [
  'applicants',
  'applications',
  'contracts',
  'costs',
  'answers',
  'material_states',
  'attachments',
  'page_turns',
  'page_decisions',
  'file_fixes_off',
];
const dump = (s: Services) =>
  Object.fromEntries(tables.map((t) => [t, s.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));

/**
 * Every path under `root`, so a test can see nothing new appeared. The daily backup taken at start-up may land at
 * any moment, and the (empty) staging folder may stay: both are left out; staging must be empty.
 */
function tree(root: string): string[] {
  const staging = path.join(root, 'data', 'staging');
  if (existsSync(staging)) expect(readdirSync(staging)).toEqual([]);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((p) => !p.startsWith('data/backups') && p !== 'data/staging')
    .sort();
}

async function sourceWithFiles(root: string): Promise<{ s: Services; applicationId: number }> {
  const s = await openServices({ dataDir: path.join(root, 'a') });
  const applicationId = await ensureApplication(s);
  await call(s, 'applicants:update', { id: 1, changes: { creditCode: '91440300MA5FTEST01', phone: '0755-12345678' } });
  for (let i = 0; i < 3; i += 1) {
    await call(s, 'attachments:add', {
      applicationId,
      materialId: 'business-license',
      fileName: `执照-${i}.pdf`,
      bytes: randomPdfBytes(3000 + i),
    });
  }
  // The clerk's page decisions travel with the application: leave out the second file's page, turn the third's.
  const [, second, third] = (await call(s, 'attachments:list', { applicationId })) as { id: number }[];
  await call(s, 'pages:decide', { attachmentId: second!.id, page: 1, skip: true });
  await call(s, 'pages:decide', { attachmentId: third!.id, page: 1, skip: false, turn: 180 });
  // And the automatic fixes turned off for a whole file.
  await call(s, 'pages:decide', { attachmentId: third!.id, page: 1, fixes: { crop: false, reduce: false } });
  return { s, applicationId };
}

describe('.juanzong round trip', () => {
  it('imports into an empty data folder with the same rows and byte-identical files', async () => {
    const root = fresh();
    const { s: a, applicationId } = await sourceWithFiles(root);
    const out = path.join(root, 'app.juanzong');
    const exported = await exportArchive(a, applicationId, out);
    expect(exported.files).toBe(3);
    const b = await openServices({ dataDir: path.join(root, 'b') });
    await importArchive(b, out);
    const [rowsA, rowsB] = [dump(a), dump(b)];
    expect(rowsA.page_decisions!.length).toBe(2);
    expect(rowsA.file_fixes_off!.length).toBe(2);
    // The importer stamps `updated_at` on the application; everything else is the same row.
    for (const r of [...rowsA.applications!, ...rowsB.applications!]) delete (r as Record<string, unknown>).updated_at;
    expect(rowsB).toEqual(rowsA);
    for (const { sha256 } of rowsA.attachments as { sha256: string }[]) {
      expect(readFileSync(b.store.pathOf(sha256))).toEqual(readFileSync(a.store.pathOf(sha256)));
    }
    a.close();
    b.close();
  });

  it('never overwrites an application that is already there; as a copy it sits beside it', async () => {
    const root = fresh();
    const { s, applicationId } = await sourceWithFiles(root);
    const out = path.join(root, 'app.juanzong');
    await exportArchive(s, applicationId, out);
    const before = dump(s);
    await expect(importArchive(s, out)).rejects.toMatchObject({ code: 'archive-exists' });
    expect(dump(s)).toEqual(before);
    const copy = await importArchive(s, out, { asCopy: true });
    expect(copy.applicationId).not.toBe(applicationId);
    expect(await call(s, 'attachments:list', { applicationId: copy.applicationId })).toHaveLength(3);
    s.close();
  });

  it('refuses an archive whose file does not match its hash', async () => {
    const root = fresh();
    const { s, applicationId } = await sourceWithFiles(root);
    const out = path.join(root, 'app.juanzong');
    await exportArchive(s, applicationId, out);
    const bytes = readFileSync(out);
    const at = bytes.indexOf('%PDF-1.4');
    bytes[at + 20] = bytes[at + 20]! ^ 1; // a stored entry: flip one byte of a file's contents
    writeFileSync(out, bytes);
    const b = await openServices({ dataDir: path.join(root, 'b') });
    await expect(importArchive(b, out)).rejects.toMatchObject({ code: 'archive-file-damaged' });
    expect(await call(b, 'applications:list', {})).toHaveLength(0);
    s.close();
    b.close();
  });
});

const manifest = new TextEncoder().encode('{}');
const symlink = { os: 3, attrs: (0o120777 << 16) >>> 0 };
const hostile: [string, () => Zippable, string][] = [
  [
    'traversal',
    () => ({ 'juanzong-archive.json': manifest, '../../evil.txt': new Uint8Array(3) }),
    'archive-unsafe-path',
  ],
  [
    'absolute path',
    () => ({ 'juanzong-archive.json': manifest, '/tmp/evil.txt': new Uint8Array(3) }),
    'archive-unsafe-path',
  ],
  [
    'drive letter',
    () => ({ 'juanzong-archive.json': manifest, 'C:/Windows/evil.txt': new Uint8Array(3) }),
    'archive-unsafe-path',
  ],
  [
    'backslash traversal',
    () => ({ 'juanzong-archive.json': manifest, '..\\..\\evil.txt': new Uint8Array(3) }),
    'archive-unsafe-path',
  ],
  [
    'symlink',
    () => ({ 'juanzong-archive.json': manifest, 'files/link': [new TextEncoder().encode('/etc/passwd'), symlink] }),
    'archive-symlink',
  ],
  [
    '10,000 entries',
    () => Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`files/${i}`, new Uint8Array(1)])),
    'archive-too-many-entries',
  ],
  [
    'ratio over 100',
    () => ({ 'juanzong-archive.json': manifest, [`files/${'0'.repeat(64)}`]: new Uint8Array(20 << 20) }),
    'archive-bomb',
  ],
  [
    'unknown entry',
    () => ({ 'juanzong-archive.json': manifest, 'setup.exe': new Uint8Array(3) }),
    'archive-unexpected-entry',
  ],
];

describe('hostile archives', () => {
  it.each(hostile)('refuses %s with nothing written outside staging', async (_name, make, code) => {
    const root = fresh();
    const s = await openServices({ dataDir: path.join(root, 'data') });
    const archive = path.join(root, 'in', 'hostile.juanzong');
    await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(archive)));
    writeFileSync(archive, zipSync(make(), { level: 9 }));
    const before = tree(root);
    await expect(importArchive(s, archive)).rejects.toMatchObject({ code });
    expect(tree(root)).toEqual(before);
    expect(existsSync(path.join(root, 'evil.txt'))).toBe(false);
    s.close();
  });

  it('stops inflating at the declared size when an entry lies about it', async () => {
    const root = fresh();
    const s = await openServices({ dataDir: path.join(root, 'data') });
    const data = zipSync({ 'juanzong-archive.json': new Uint8Array(600_000).fill(0x20) }, { level: 9 });
    const buf = Buffer.from(data);
    const cd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    buf.writeUInt32LE(1000, cd + 24); // the directory now claims 1000 bytes
    const archive = path.join(root, 'liar.juanzong');
    writeFileSync(archive, buf);
    await expect(importArchive(s, archive)).rejects.toMatchObject({ code: 'archive-bomb' });
    expect(readdirSync(path.join(root, 'data', 'staging'))).toEqual([]);
    s.close();
  });

  it('answers a named error for a file that is not a zip', async () => {
    const root = fresh();
    const s = await openServices({ dataDir: path.join(root, 'data') });
    const archive = path.join(root, 'x.juanzong');
    writeFileSync(archive, createHash('sha256').update('x').digest());
    await expect(importArchive(s, archive)).rejects.toMatchObject({ code: 'archive-not-zip' });
    s.close();
  });
});
