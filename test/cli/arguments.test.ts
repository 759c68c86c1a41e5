/**
 * Every command's command line is parsed strictly (`electron/core/cli/arguments.ts`): an unknown option, an option
 * without its value or an empty `--data=` stops the command with its usage, in Chinese, before it touches anything.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../electron/core/cli/main.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { explain, juanzong } from './run-cli.ts';

const tempDir = useTempDir('juanzong-args-');

describe('juanzong refuses a command line it does not understand', () => {
  it('every command refuses an unknown option with its own usage and does nothing', async () => {
    const loaded = await Promise.all(commands.map((c) => c.load()));
    expect(loaded.length).toBeGreaterThanOrEqual(11);
    const dataDir = await tempDir();
    // Two at a time: the machine has two cores.
    for (let i = 0; i < loaded.length; i += 2) {
      const pair = loaded.slice(i, i + 2);
      const runs = await Promise.all(pair.map((c) => juanzong(['--data', dataDir, ...c.words, '--bogus'])));
      pair.forEach((command, k) => {
        const run = runs[k]!;
        expect(run.code, `${command.words.join(' ')}: ${explain(run)}`).toBe(2);
        expect(run.stderr).toContain('不认识的选项：--bogus。');
        expect(run.stderr).toContain(`用法：juanzong ${command.usage}`);
        expect(run.stdout).toBe('');
      });
    }
    // Not even the database or a backup was made.
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses an option without its value: at the end, empty, or followed by another option', async () => {
    const cases: [string[], string][] = [
      [['assemble', 'm.json', '--out'], '选项 --out 后面要写路径，不能为空，例如 --out 卷宗.pdf。'],
      [['assemble', 'm.json', '--out='], '选项 --out 后面要写路径，不能为空'],
      [['assemble', 'm.json', '--out', '--json'], '选项 --out 后面要写路径'],
      [['check', 'm.json', '--today'], '选项 --today 后面要写值，不能为空，例如 --today 2025-10-20。'],
      [['check', 'm.json', '--json=yes'], '选项 --json 后面不带值，请去掉“=yes”。'],
      [['check', 'a.json', 'b.json'], '多了参数 “b.json”。'],
      [['archive', 'export', '1'], '请用 --out 写出导出文件的保存路径'],
      [['archive', 'export', 'abc', '--out', 'x.juanzong'], '项目编号要写正整数，“abc”不是'],
    ];
    const dataDir = await tempDir();
    for (const [args, message] of cases) {
      const run = await juanzong(['--data', dataDir, ...args]);
      expect(run.code, `${args.join(' ')}: ${explain(run)}`).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain(`用法：juanzong ${args[0]}`);
    }
  });

  it('refuses an empty --data= and deletes nothing in the current folder', async () => {
    const cwd = await tempDir();
    // What the start-up cleanup would remove in a data folder.
    for (const dir of ['dossiers', 'staging', path.join('files', 'tmp')]) {
      await mkdir(path.join(cwd, dir), { recursive: true });
      await writeFile(path.join(cwd, dir, 'mine.txt'), 'the user’s own file');
    }
    for (const args of [
      ['--data=', 'applicants', 'list'],
      ['applicants', 'list', '--data'],
      ['--data', '', 'backup', 'create'],
    ]) {
      const run = await juanzong(args, { cwd });
      expect(run.code, `${args.join(' ')}: ${explain(run)}`).toBe(2);
      expect(run.stderr).toContain('--data 后面要写数据文件夹的路径，不能为空');
    }
    for (const dir of ['dossiers', 'staging', path.join('files', 'tmp')])
      expect(await readdir(path.join(cwd, dir))).toEqual(['mine.txt']);
    expect((await readdir(cwd)).sort()).toEqual(['dossiers', 'files', 'staging']);
  });

  it('COMMAND --help prints that command’s usage and exits 0', async () => {
    const run = await juanzong(['assemble', '--help']);
    expect(run.code, explain(run)).toBe(0);
    expect(run.stdout).toContain('用法：juanzong assemble MANIFEST.json --out DOSSIER.pdf');
  });
});
