/**
 * Two processes import the same archive into one data folder at the same moment (this one and a child, each with
 * its own connection): one application results, every round; the other process is told the application is already
 * there (never "damaged", never a raw SQLite error).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportArchive } from '../../electron/core/archive/export-archive.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { openServices } from '../../electron/core/services/index.ts';
import { bundleChild } from '../crash/helpers/bundle-child.ts';
import { call, ensureApplication, randomPdfBytes } from '../crash/children/seed.ts';
import { importOnce, type Outcome } from './import-once.ts';

let root: string;
let archive: string;
let child: ChildProcessWithoutNullStreams;
let answers: AsyncIterator<string>;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'juanzong-concurrent-import-'));
  const s = await openServices({ dataDir: path.join(root, 'source') });
  const applicationId = await ensureApplication(s);
  await call(s, 'attachments:add', {
    applicationId,
    materialId: 'business-license',
    fileName: '执照.pdf',
    bytes: randomPdfBytes(4000),
  });
  archive = path.join(root, 'app.juanzong');
  await exportArchive(s, applicationId, archive);
  s.close();
  child = spawn(process.execPath, [await bundleChild(path.join(import.meta.dirname, 'children', 'import-once.ts'))]);
  answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  expect((await answers.next()).value).toBe('ready');
}, 60_000);
afterAll(() => {
  child.stdin.end();
  rmSync(root, { recursive: true, force: true });
});

async function importInChild(dataDir: string, asCopy: boolean): Promise<Outcome> {
  child.stdin.write(`${dataDir}\t${archive}\t${asCopy ? 1 : 0}\n`);
  return JSON.parse((await answers.next()).value as string) as Outcome;
}

function applicationsIn(dataDir: string): number {
  const db = openDatabase(path.join(dataDir, 'juanzong.sqlite3'));
  try {
    return (db.prepare('SELECT count(*) AS n FROM applications').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const rounds = 20;

describe('importing one archive from two processes at once', () => {
  it.each([false, true])(
    `makes one application in each of ${rounds} rounds (as a copy: %s)`,
    async (asCopy) => {
      const tally: Record<string, number> = {};
      for (let round = 0; round < rounds; round += 1) {
        const dataDir = path.join(root, `round-${asCopy}-${round}`);
        mkdirSync(dataDir);
        openDatabase(path.join(dataDir, 'juanzong.sqlite3')).close();
        const outcomes = await Promise.all([importInChild(dataDir, asCopy), importOnce(dataDir, archive, asCopy)]);
        for (const o of outcomes) tally[o.ok ? 'imported' : o.code!] = (tally[o.ok ? 'imported' : o.code!] ?? 0) + 1;
        expect(applicationsIn(dataDir)).toBe(1);
        const refused = outcomes.find((o) => !o.ok);
        expect(refused).toMatchObject({ code: 'archive-exists', message: expect.stringContaining('app.juanzong') });
      }
      expect(tally).toEqual({ imported: rounds, 'archive-exists': rounds });
    },
    120_000,
  );
});
