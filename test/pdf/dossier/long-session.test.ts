/**
 * One process that checks many files, as the app does while the clerk attaches them one after another: qpdf
 * (WebAssembly) must answer the last file as it answered the first. Emscripten's callMain never gives back the
 * stack its arguments take, so an instance kept for the whole session used to overwrite its own data after a
 * few hundred files, and refused good files as damaged from then on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../../../electron/core/dossier/index.ts';
import { A4, encryptOwnerOnly, LETTER, makeTokenPdf } from '../../fixtures/token-pdf.ts';

let dir: string;
// A long file name takes the most stack per call (it is one of qpdf's arguments).
const longName = `${'营业执照复印件'.repeat(8)}-2025.pdf`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juanzong-session-'));
  makeTokenPdf(path.join(dir, longName), 'LONG', [
    { ...A4, label: 'A4' },
    { ...LETTER, label: 'LETTER' },
    { ...A4, label: 'A4' },
  ]);
  encryptOwnerOnly(path.join(dir, longName), path.join(dir, `owner-${longName}`));
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a long session of checks in one process', () => {
  it('counts the 800th file as it counted the first, then still decrypts an owner-password file', async () => {
    const counts: number[] = [];
    for (let i = 0; i < 800; i += 1) counts.push((await inspectInput(path.join(dir, longName))).pages);
    const wrong = counts.map((n, i) => ({ i, n })).filter(({ n }) => n !== 3);
    expect(wrong).toEqual([]);
    const owner = await inspectInput(path.join(dir, `owner-${longName}`));
    expect(owner).toMatchObject({ pages: 3, encrypted: true });
  }, 120_000);
});
