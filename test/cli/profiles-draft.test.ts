/**
 * `juanzong profiles draft GUIDE.txt [--json]`, run as the clerk's scripts would: a separate process.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(repo, 'electron/core/cli/juanzong.mjs');
const guide2025 = join(repo, 'shared/profiles/guides/sz-model-voucher-2025.zh.txt');
const corpusGuide = join(repo, 'test/fixtures/guides/corpus-voucher-2026.zh.txt');
const twoClaimantGuide = join(repo, 'test/fixtures/guides/first-version-software-2026.zh.txt');
let dir: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function juanzong(args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, '--data', join(dir, 'data'), ...args], { cwd: repo }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'juanzong-draft-cli-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('juanzong profiles draft', () => {
  it('prints the draft and its gaps as JSON', async () => {
    const run = await juanzong(['profiles', 'draft', guide2025, '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const { profile, gaps } = JSON.parse(run.stdout);
    expect(profile.schemaVersion).toBe(2);
    expect(profile.words).toMatchObject({ programme: '模型券', grant: '模型券', cost: '模型购买费用' });
    expect(profile.tracks[0]).toMatchObject({ ratePercent: 30, base: 'eligible-costs' });
    expect(profile.paper).toMatchObject({ size: 'A4', duplex: true, binding: 'perfect' });
    expect(profile.materials).toHaveLength(8);
    expect(profile.dates.paperFiling).toEqual({ from: '2025-10-13', to: '2025-11-10T18:00' });
    expect(gaps.some((g: { path: string; placeholder: boolean }) => g.path === 'id' && g.placeholder)).toBe(true);
  });

  it('prints a readable Chinese summary without --json', async () => {
    const run = await juanzong(['profiles', 'draft', corpusGuide]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('方案草稿：2026年打造人工智能先锋城市项目扶持计划语料券（申领）（2026）');
    expect(run.stdout).toContain('称呼：语料券；资助叫“语料券”，费用叫“语料购买费用”');
    expect(run.stdout).toContain('资助：比例 30%，最高不超过 200万元（每家企业每年）');
    expect(run.stdout).toContain('  5. [专项] 语料采购付款凭证');
    expect(run.stdout).toContain('[确认] tracks.main.caps：限额的适用范围');
    expect(run.stdout).toContain('[占位] applicant.region：');
  });

  it('drafts one track per claimant when the guide gives each its own rate and cap, and asks who claims under each', async () => {
    const run = await juanzong(['profiles', 'draft', twoClaimantGuide]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('资助（软件企业）：比例 30%，最高不超过 1000万元（每个项目）');
    expect(run.stdout).toContain('资助（用户单位）：比例 10%，最高不超过 100万元（每个项目）');
    expect(run.stdout).toContain('[确认] tracks.track-2.claimants：指南对“用户单位”另定了比例和限额。');
  });

  it('refuses an unknown option, a missing file and a text that is not a guide, in Chinese, with exit code 2', async () => {
    const unknown = await juanzong(['profiles', 'draft', guide2025, '--yaml']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('不认识的选项：--yaml');
    const missing = await juanzong(['profiles', 'draft', join(dir, '没有这个文件.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('读不到指南文件');
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, '这是一份会议记录。\n与申报无关。\n');
    const notAGuide = await juanzong(['profiles', 'draft', notes]);
    expect(notAGuide.code).toBe(2);
    expect(notAGuide.stderr).toContain('不像按模板写的申请指南');
    const gbk = join(dir, 'gbk.txt');
    writeFileSync(gbk, Buffer.from([0xd6, 0xb8, 0xc4, 0xcf, 0xff, 0xfe]));
    expect((await juanzong(['profiles', 'draft', gbk])).stderr).toContain('不是 UTF-8 编码的文本');
  });

  it('is listed in the help and explains itself with --help', async () => {
    const run = await juanzong(['--help']);
    expect(run.stdout).toContain('juanzong profiles draft GUIDE.txt [--json]');
    const own = await juanzong(['profiles', 'draft', '--help']);
    expect(own).toMatchObject({ code: 0, stderr: '' });
    expect(own.stdout).toContain('从申请指南的文本起草一份申报方案');
  });
});
