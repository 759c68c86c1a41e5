import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSink } from '../../../electron/core/dossier/output-sink.ts';

let dir: string;
let photo: Buffer;
const MiB = 1024 * 1024;
const at = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juanzong-sink-'));
  photo = Buffer.from(Array.from({ length: 5 * MiB + 123 }, (_, i) => (i * 7) % 256));
  fs.writeFileSync(at('photo.jpg'), photo);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Header bytes, a whole file, more bytes across a block boundary, ranges of the file, a short tail. */
async function writeSample(file: string): Promise<Buffer> {
  const sink = openSink(file);
  const parts: Buffer[] = [];
  let position = 0;
  const put = async (chunks: Buffer[]) => {
    await sink.write(chunks, position);
    position += chunks.reduce((n, c) => n + c.length, 0);
    parts.push(...chunks);
  };
  await put([Buffer.from('%PDF-1.7\n'), Buffer.from('1 0 obj\n')]);
  await sink.copy(at('photo.jpg'), [[0, photo.length]], position);
  position += photo.length;
  parts.push(photo);
  await put([Buffer.alloc(3 * MiB + 5, 0x41)]);
  const ranges: [number, number][] = [
    [10, 1000],
    [2 * MiB, 3 * MiB],
  ];
  await sink.copy(at('photo.jpg'), ranges, position);
  for (const [start, length] of ranges) parts.push(photo.subarray(start, start + length));
  position += 1000 + 3 * MiB;
  await put([Buffer.from('\n%%EOF\n')]);
  await sink.close();
  return Buffer.concat(parts);
}

describe('the dossier output sink', () => {
  it('writes bytes and file ranges in order, past 4 MiB read boundaries, and ends the file at its exact size', async () => {
    const expected = await writeSample(at('out.pdf'));
    const written = fs.readFileSync(at('out.pdf'));
    expect(written.length).toBe(expected.length);
    expect(written.equals(expected)).toBe(true);
  });

  it('replaces what was in the file before, longer or not', async () => {
    fs.writeFileSync(at('old.pdf'), Buffer.alloc(20 * MiB, 0x5a));
    const expected = await writeSample(at('old.pdf'));
    expect(fs.readFileSync(at('old.pdf')).equals(expected)).toBe(true);
  });

  it('fails the copy, naming the file, when the file is shorter than its ranges', async () => {
    const sink = openSink(at('out-short.pdf'));
    await expect(sink.copy(at('photo.jpg'), [[photo.length - 10, 20]], 0)).rejects.toThrow(
      /photo\.jpg changed while the dossier was written/,
    );
    await sink.abandon();
  });
});
