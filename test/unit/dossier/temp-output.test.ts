import { spawnSync } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTempOutputs, tempPathFor } from '../../../electron/core/dossier/temp-output.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();

/** The pid of a process that has already exited (what a SIGKILL mid-write leaves as owner of its temp file). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('temporary outputs beside a dossier', () => {
  it('are named after the target and this process', async () => {
    const dir = await tempDir();
    const tmp = tempPathFor(path.join(dir, '卷宗.pdf'));
    expect(path.dirname(tmp)).toBe(dir);
    expect(path.basename(tmp)).toMatch(new RegExp(`^\\.卷宗\\.pdf\\.${process.pid}\\.\\d+\\.tmp$`));
  });

  it('left by a killed writer are removed by the next write; a running writer’s and other files stay', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'dossier.pdf');
    const dead = `.dossier.pdf.${deadPid()}.1700000000000.tmp`;
    const live = `.dossier.pdf.${process.pid}.1700000000001.tmp`;
    const other = `.other.pdf.${deadPid()}.1700000000002.tmp`;
    for (const name of [dead, live, other, 'dossier.pdf']) await writeFile(path.join(dir, name), 'x');
    expect(removeTempOutputs(out)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual([live, other, 'dossier.pdf'].sort());
    expect(removeTempOutputs(out, process.pid)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual([other, 'dossier.pdf'].sort());
  });
});
