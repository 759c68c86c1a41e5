/**
 * Issue 2: a process killed between writing an attachment and committing its row never leaves a row pointing at a
 * missing or wrong file. The broken-order child proves the check can fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attachmentAcks } from './helpers/acks.ts';
import { checkDataDir } from './helpers/check-data-dir.ts';
import { runAndKill } from './helpers/kill-loop.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'juanzong-kill-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('killing the process while attachments are added', () => {
  it('keeps every acknowledged row and every row file, in the right order (file, then row)', async () => {
    const dataDir = freshDir();
    const acks = new Map<number, string>();
    const wantedAcks = 12;
    let kills = 0;
    // Each add checks its file off the main thread (about 1 s under tsx, several under load): kill within 5 s of
    // READY, and go on killing until enough adds were acknowledged to mean something.
    while (acks.size < wantedAcks && kills < 30) {
      kills += 1;
      const run = await runAndKill(path.join(here, 'children/add-attachments.ts'), [dataDir], 5000);
      expect(run.exitedByItself, run.stderr).toBe(false);
      attachmentAcks(run.lines, acks);
      const report = await checkDataDir(dataDir, acks);
      expect(report).toMatchObject({
        integrity: 'ok',
        foreignKeyViolations: 0,
        missingFiles: [],
        wrongFiles: [],
        leftovers: [],
        lostAcks: [],
      });
    }
    expect(acks.size).toBeGreaterThanOrEqual(wantedAcks);
  }, 600_000);

  it('catches rows that point at missing files when the order is wrong (row, then file)', async () => {
    const dataDir = freshDir();
    let caught = 0;
    for (let i = 0; i < 30 && caught === 0; i += 1) {
      const run = await runAndKill(path.join(here, 'children/broken-order.ts'), [dataDir], 300);
      expect(run.exitedByItself, run.stderr).toBe(false);
      const report = await checkDataDir(dataDir);
      expect(report.integrity).toBe('ok');
      caught += report.missingFiles.length;
    }
    expect(caught).toBeGreaterThan(0);
  });
});
