import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileCopier, partsWithin, type FileRanges } from '../../../electron/core/dossier/file-copy.ts';

let dir: string;
let source: Buffer;
const MiB = 1024 * 1024;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juanzong-file-copy-'));
  // 9 MiB of a repeating pattern, so that every byte says where it came from (modulo 251).
  source = Buffer.from(Array.from({ length: 9 * MiB }, (_, i) => i % 251));
  fs.writeFileSync(path.join(dir, 'source.png'), source);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('partsWithin', () => {
  it('gives the parts of the ranges that lie in one read, clipped at both ends', () => {
    const read = Buffer.from('0123456789');
    const parts = partsWithin(
      [
        [2, 3],
        [8, 10],
        [30, 2],
      ],
      read,
      0,
    );
    expect(parts.map((p) => p.toString())).toEqual(['234', '89']);
    expect(
      partsWithin(
        [
          [2, 3],
          [8, 10],
        ],
        Buffer.from('abcdef'),
        10,
      ).map((p) => p.toString()),
    ).toEqual(['abcdef']);
  });
});

describe('FileCopier', () => {
  it('copies ranges that cross the 4 MiB reads, in order, to their place in the output', async () => {
    const ranges: FileRanges = [
      [8, 100],
      [120, 4 * MiB],
      [4 * MiB + 200, 12],
      [8 * MiB, MiB],
    ];
    const expected = Buffer.concat(ranges.map(([start, length]) => source.subarray(start, start + length)));
    const out = Buffer.alloc(expected.length + 50);
    const writes: number[] = [];
    await new FileCopier().copy(
      path.join(dir, 'source.png'),
      ranges,
      async (chunks, position) => {
        writes.push(chunks.length);
        Buffer.concat(chunks).copy(out, position);
      },
      50,
    );
    expect(out.subarray(50).equals(expected)).toBe(true);
    // One gathered write per 4 MiB read, not one per range.
    expect(writes.length).toBe(3);
  });

  it('names the file when it is shorter than its ranges (changed while the dossier was written)', async () => {
    const copy = new FileCopier().copy(path.join(dir, 'source.png'), [[9 * MiB - 10, 20]], async () => undefined, 0);
    await expect(copy).rejects.toThrow(/source\.png changed while the dossier was written/);
  });
});
