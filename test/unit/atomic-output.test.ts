/**
 * The one atomic-write module: the target holds the old file or the whole new one; a killed writer's temp file is
 * removed by the next write (by pid) or at start-up (by the data folder's note); a writer that opens the file
 * itself (the dossier's sink) gets the temp path and commits or abandons it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AtomicFile,
  cleanupPendingOutputs,
  copyFileAtomically,
  removeStaleTemps,
  tempPathFor,
  writeAtomically,
  writeFileAtomicallySync,
} from '../../electron/core/safety/atomic-output.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

/** The pid of a process that has already exited (what a SIGKILL mid-write leaves as owner of its temp file). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('temporary files beside a target', () => {
  it('are hidden, named after the target and this process', async () => {
    const dir = await tempDir();
    const tmp = tempPathFor(path.join(dir, '卷宗.pdf'));
    expect(path.dirname(tmp)).toBe(dir);
    expect(path.basename(tmp)).toMatch(new RegExp(`^\\.卷宗\\.pdf\\.${process.pid}\\.[0-9a-f]{12}\\.juanzong-part$`));
  });

  it('left by a killed writer are removed by the next write; a running writer’s and other files stay', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'dossier.pdf');
    const dead = `.dossier.pdf.${deadPid()}.aa.juanzong-part`;
    const live = `.dossier.pdf.${process.pid}.bb.juanzong-part`;
    const other = `.other.pdf.${deadPid()}.cc.juanzong-part`;
    for (const name of [dead, live, other, 'dossier.pdf']) await writeFile(path.join(dir, name), 'x');
    await writeAtomically(out, (file) => file.writeFile('new'));
    expect((await readdir(dir)).sort()).toEqual([live, other, 'dossier.pdf'].sort());
    expect(await readFile(out, 'utf8')).toBe('new');
    expect(removeStaleTemps(out, process.pid)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual([other, 'dossier.pdf'].sort());
  });
});

describe('writeAtomically', () => {
  it('leaves the old file whole when the writer fails, and removes its temp file', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'app.juanzong');
    await writeFile(out, 'old');
    const failing = writeAtomically(out, async (file) => {
      await file.writeFile('half of the new');
      throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(await readdir(dir)).toEqual(['app.juanzong']);
    expect(await readFile(out, 'utf8')).toBe('old');
  });

  it('notes its temp file in the data folder while it writes; start-up cleanup removes what a kill left', async () => {
    const dir = await tempDir();
    const dataDir = path.join(dir, 'data');
    const out = path.join(dir, 'exports', 'a.juanzong');
    await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(out)));
    // A child process starts a write, is killed in the middle of it, and leaves its temp file and note behind.
    const module = path.resolve('electron/core/safety/atomic-output.ts');
    const script = `import { writeAtomically } from ${JSON.stringify(module)};
      await writeAtomically(${JSON.stringify(out)}, async (f) => { await f.writeFile('part'); console.log('writing'); await new Promise(() => {}); }, { dataDir: ${JSON.stringify(dataDir)} });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const left = (await readdir(path.dirname(out))).filter((n) => n.endsWith('.juanzong-part'));
    expect(left).toHaveLength(1);
    expect(await cleanupPendingOutputs(dataDir)).toBe(1);
    expect(await readdir(path.dirname(out))).toEqual([]);
    expect(await readdir(path.join(dataDir, 'pending-outputs'))).toEqual([]);
  }, 30_000);
});

describe('AtomicFile, for a writer that opens the file itself', () => {
  it('replaces the target on commit and leaves it as it was on abandon', async () => {
    const dir = await tempDir();
    const out = path.join(dir, '卷宗.pdf');
    await writeFile(out, 'previous dossier');
    const first = await AtomicFile.create(out, { durable: false });
    await writeFile(first.tempPath, 'half');
    await first.abandon();
    expect(await readFile(out, 'utf8')).toBe('previous dossier');
    const second = await AtomicFile.create(out, { durable: false });
    await writeFile(second.tempPath, 'new dossier');
    await second.commit();
    expect(await readFile(out, 'utf8')).toBe('new dossier');
    expect(existsSync(second.tempPath)).toBe(false);
    // The old file was moved aside and is removed in the background, not left beside the target.
    for (let turn = 0; turn < 1000 && (await readdir(dir)).length > 1; turn += 1)
      await new Promise((resolve) => setImmediate(resolve));
    expect(await readdir(dir)).toEqual(['卷宗.pdf']);
  });
});

describe('copyFileAtomically', () => {
  it('puts the whole copy in place of what the target held, and leaves nothing beside it', async () => {
    const dir = await tempDir();
    const source = path.join(dir, 'made', 'dossier.pdf');
    await mkdir(path.dirname(source));
    const bytes = Buffer.alloc(3 * 1024 * 1024, 'pdf ');
    await writeFile(source, bytes);
    const target = path.join(dir, 'saved', '卷宗.pdf');
    await mkdir(path.dirname(target));
    await writeFile(target, 'an older dossier');
    await copyFileAtomically(source, target);
    expect((await readFile(target)).equals(bytes)).toBe(true);
    expect(await readdir(path.dirname(target))).toEqual(['卷宗.pdf']);
  });

  it('fails without a trace when the target folder is missing', async () => {
    const dir = await tempDir();
    const source = path.join(dir, 'dossier.pdf');
    await writeFile(source, 'new');
    await expect(copyFileAtomically(source, path.join(dir, 'gone', '卷宗.pdf'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(await readdir(dir)).toEqual(['dossier.pdf']);
  });

  it('leaves an existing target unchanged and no temp file when the rename fails', async () => {
    const dir = await tempDir();
    const source = path.join(dir, 'dossier.pdf');
    await writeFile(source, 'new');
    // A folder by the chosen name: the copy is made, but a file cannot be renamed over a folder.
    const target = path.join(dir, '卷宗.pdf');
    await mkdir(target);
    await writeFile(path.join(target, 'inside.txt'), 'kept');
    await expect(copyFileAtomically(source, target)).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['dossier.pdf', '卷宗.pdf'].sort());
    expect(await readFile(path.join(target, 'inside.txt'), 'utf8')).toBe('kept');
  });

  it('leaves an existing target unchanged and no temp file when the source cannot be read', async () => {
    const dir = await tempDir();
    const target = path.join(dir, '卷宗.pdf');
    await writeFile(target, 'the dossier saved yesterday');
    await expect(copyFileAtomically(path.join(dir, 'cleaned-up.pdf'), target)).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(await readdir(dir)).toEqual(['卷宗.pdf']);
    expect(await readFile(target, 'utf8')).toBe('the dossier saved yesterday');
  });
});

describe('writeFileAtomicallySync', () => {
  it('replaces the target whole; a failed rename leaves the old content and no temp file', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'window-state.json');
    await writeFile(target, '{"width":800}');
    writeFileAtomicallySync(target, '{"width":1200}');
    expect(await readFile(target, 'utf8')).toBe('{"width":1200}');
    const folder = path.join(dir, 'a-folder');
    await mkdir(folder);
    expect(() => writeFileAtomicallySync(folder, 'x', { durable: false })).toThrow();
    expect((await readdir(dir)).sort()).toEqual(['a-folder', 'window-state.json']);
  });
});
