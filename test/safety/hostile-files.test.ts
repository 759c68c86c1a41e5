/**
 * Hostile files given to `attachments:add` (through `dispatch`, as the window sends them): each is answered with a
 * named error or handled correctly, and a refused one changes nothing (no row, no stored file).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../../electron/core/dossier/index.ts';
import { dispatch } from '../../electron/core/services/dispatch.ts';
import { openServices, type Services } from '../../electron/core/services/index.ts';
import { safeFileName } from '../../electron/core/safety/file-name.ts';
import type { Handlers } from '#shared/contract/index.ts';
import { ensureApplication, randomPdfBytes } from '../crash/children/seed.ts';
import { pdfFromObjects } from '../helpers/raw-pdf.ts';

let root: string;
let s: Services;
let applicationId: number;
beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'juanzong-hostile-'));
  s = await openServices({ dataDir: path.join(root, 'data') });
  applicationId = await ensureApplication(s);
});
afterAll(() => {
  s.close();
  rmSync(root, { recursive: true, force: true });
});

const add = (fileName: string, bytes: Uint8Array) =>
  dispatch(s.handlers as Handlers, 'attachments:add', {
    applicationId,
    materialId: 'business-license',
    fileName,
    bytes,
  });
const snapshot = () => ({
  rows: s.db.prepare('SELECT * FROM attachments').all(),
  // Files only: an emptied two-letter prefix folder may stay behind, and holds nothing.
  objects: readdirSync(s.store.objectsDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort(),
});

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** A PNG header that declares 100,000 × 100,000 pixels (40 GB decoded) over a few bytes of data. */
function hugePng(): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(100_000, 0);
  ihdr.writeUInt32BE(100_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([
      signature,
      chunk('IHDR', ihdr),
      chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** A PDF whose page tree loops: the Pages node lists itself as a kid. */
function loopingPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  return pdfFromObjects(objects);
}

describe('hostile files', () => {
  it.each([
    ['an image declaring 100,000 × 100,000 pixels', '巨幅.png', hugePng],
    ['a 0-byte file', '空.pdf', () => new Uint8Array(0)],
    ['a 1 GB file', '超大.pdf', () => new Uint8Array(1 << 30)],
    ['a PDF whose page tree loops', '循环.pdf', loopingPdf],
  ])('refuses %s with a named error and changes nothing', async (_what, name, make) => {
    const before = snapshot();
    const result = await add(name, make());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).not.toBe('internal');
    if (process.env.JUANZONG_SHOW_REFUSALS) console.log(name, result.error.code, result.error.message);
    expect(result.error.message).toContain(name.replace(/\.\w+$/, ''));
    expect(snapshot()).toEqual(before);
  });

  it('decides a ".pdf" that is really a JPEG by its content', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } })
      .jpeg()
      .toBuffer();
    const result = await add('发票.pdf', new Uint8Array(jpeg));
    expect(result).toMatchObject({ ok: true, value: { mediaType: 'image/jpeg' } });
  });

  it('keeps names with ../, Windows device names and 300 characters only as safe labels', async () => {
    const pdf = () => randomPdfBytes(2000);
    const a = await add('../../../etc/passwd.pdf', pdf());
    const b = await add('CON.pdf', pdf());
    expect(a).toMatchObject({ ok: true, value: { originalName: 'passwd.pdf' } });
    expect(b).toMatchObject({ ok: true, value: { originalName: '_CON.pdf' } });
    expect(readdirSync(root)).toEqual(['data']);
    const long = `${'合同'.repeat(150)}.pdf`;
    const c = await add(long, pdf());
    expect(c).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const direct = await s.handlers['attachments:add']({
      applicationId,
      materialId: 'business-license',
      fileName: long,
      bytes: pdf(),
    });
    expect(Buffer.byteLength(direct.originalName)).toBeLessThanOrEqual(200);
    expect(direct.originalName.endsWith('.pdf')).toBe(true);
  });

  it('inspectInput refuses the huge image and the looping PDF by name', async () => {
    const dir = mkdtempSync(path.join(root, 'in-'));
    writeFileSync(path.join(dir, 'huge.png'), hugePng());
    writeFileSync(path.join(dir, 'loop.pdf'), loopingPdf());
    await expect(inspectInput(path.join(dir, 'huge.png'))).rejects.toMatchObject({ code: expect.any(String) });
    await expect(inspectInput(path.join(dir, 'loop.pdf'))).rejects.toMatchObject({ code: expect.any(String) });
  });
});

describe('safeFileName', () => {
  it.each([
    ['..\\..\\Windows\\CON.pdf', '_CON.pdf'],
    ['a/b/../lpt1.txt.pdf', '_lpt1.txt.pdf'],
    ['报告<1>:?.pdf', '报告_1___.pdf'],
    ['..', '未命名文件'],
    ['name. . ', 'name'],
  ])('%s → %s', (input, expected) => expect(safeFileName(input)).toBe(expected));
});
