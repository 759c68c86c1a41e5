import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadBuffers } from '../../../electron/core/dossier/read-buffers.ts';

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juanzong-read-buffers-'));
  fs.writeFileSync(file('a.pdf'), 'A'.repeat(1000));
  fs.writeFileSync(file('b.pdf'), 'B'.repeat(2000));
  fs.writeFileSync(file('c.pdf'), 'C'.repeat(500));
  fs.writeFileSync(file('big.pdf'), Buffer.alloc(9 * 1024 * 1024, 0x44));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
/** Whether `p` has settled once every callback already due has run (one turn of the event loop, no timer). */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('ReadBuffers', () => {
  it('reads into two buffers in turn and reuses one only once the writes pointing into it have ended', async () => {
    const buffers = new ReadBuffers();
    const first = await buffers.next();
    const a = ReadBuffers.read(first, file('a.pdf'));
    let writesEnded!: () => void;
    first.free = new Promise((resolve) => (writesEnded = resolve));
    const second = await buffers.next();
    expect(text(ReadBuffers.read(second, file('b.pdf')))).toBe('B'.repeat(2000));

    const third = buffers.next();
    expect(await settled(third)).toBe(false);
    expect(text(a)).toBe('A'.repeat(1000));
    writesEnded();
    const reused = await third;
    expect(reused).toBe(first);
    expect(text(ReadBuffers.read(reused, file('c.pdf')))).toBe('C'.repeat(500));
    expect(text(a).slice(0, 500)).toBe('C'.repeat(500));
  });

  it('grows a buffer for a file larger than it, whole', async () => {
    const buffers = new ReadBuffers();
    const slot = await buffers.next();
    ReadBuffers.read(slot, file('a.pdf'));
    const big = ReadBuffers.read(slot, file('big.pdf'));
    expect(big.length).toBe(9 * 1024 * 1024);
    expect(big.every((b) => b === 0x44)).toBe(true);
  });
});
