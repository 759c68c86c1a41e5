/**
 * `juanzong check` opens every listed file as the window does when it is attached, and with `--pages` inspects
 * every page: a locked PDF and a text file named .pdf are errors naming them, review markup left out is said, a
 * duplex scan's blank backs and a coarse photo are listed per file. Real files made with public tools, the real
 * `juanzong` process.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ManifestInput } from '#shared/manifest.ts';
import { badInputsDir } from '../fixtures/bad-inputs.ts';
import { contentFixtures } from '../fixtures/content-fixtures.ts';
import { dossierFixtures } from '../fixtures/dossier-fixtures.ts';
import { scratchDir } from '../fixtures/fixture-cache.ts';
import { pageFixtures } from '../fixtures/page-fixtures.ts';
import { runTool } from '../fixtures/run-tool.ts';
import { SAMPLE_FILES, sampleManifest } from '../unit/rules/sample.ts';
import { explain, juanzong } from './run-cli.ts';

interface Finding {
  severity: string;
  code: string;
  subject: string;
  message: string;
}

let manifestFile: string;

/** The sample manifest with real files; four materials get the files a clerk really has. */
function writeInputs(dir: string): void {
  mkdirSync(path.join(dir, 'files'));
  const good = path.join(dossierFixtures().dir, 'plan.pdf');
  for (const file of SAMPLE_FILES) copyFileSync(good, path.join(dir, file));
  copyFileSync(path.join(badInputsDir(), 'credit-report-locked.pdf'), path.join(dir, '信用报告.pdf'));
  copyFileSync(path.join(badInputsDir(), 'contract-notes.pdf'), path.join(dir, '合同备注.pdf'));
  copyFileSync(contentFixtures().reviewed, path.join(dir, '财务报表-批注.pdf'));
  copyFileSync(pageFixtures().duplex, path.join(dir, '承诺书-双面扫描.pdf'));
  // A phone shot saved at 90 dpi: coarse at A4.
  const zh = path.join(pageFixtures().dir, 'zh.png');
  runTool('convert', [
    zh,
    '-resize',
    '45%',
    '-units',
    'PixelsPerInch',
    '-density',
    '90',
    path.join(dir, '执照-粗.jpg'),
  ]);
  const manifest: ManifestInput = sampleManifest();
  const files: Record<string, string> = {
    'credit-report': '信用报告.pdf',
    'service-contract': '合同备注.pdf',
    'financial-statements': '财务报表-批注.pdf',
    'authenticity-commitment': '承诺书-双面扫描.pdf',
    'business-license': '执照-粗.jpg',
  };
  for (const m of manifest.materials) if (files[m.id]) m.files = [files[m.id]!];
  manifestFile = path.join(dir, 'manifest.json');
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
}

async function check(extra: string[]): Promise<Finding[]> {
  const run = await juanzong(['check', manifestFile, '--json', '--today', '2025-10-20', ...extra], {
    timeoutMs: 240_000,
  });
  expect(run.code, explain(run)).toBe(0);
  return (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
}

const about = (findings: Finding[], subject: string) => findings.filter((f) => f.subject === subject);

beforeAll(() => writeInputs(scratchDir('check-files')));

describe('juanzong check opens the listed files', { timeout: 300_000 }, () => {
  it('refuses a locked PDF and a text file named .pdf by name, says what markup the paper leaves out', async () => {
    const findings = await check([]);
    const [locked] = about(findings, 'credit-report');
    expect(locked).toMatchObject({ severity: 'error' });
    expect(locked!.message).toContain('信用报告.pdf');
    const [notPdf] = about(findings, 'service-contract').filter((f) => f.severity === 'error');
    expect(notPdf!.message).toContain('合同备注.pdf');
    const markup = about(findings, 'financial-statements').find((f) => f.code === 'paper-markup-removed');
    expect(markup).toMatchObject({ severity: 'info' });
    expect(markup!.message).toMatch(/^「财务报表-批注\.pdf」：.*批注/);
    expect(findings.some((f) => f.code.startsWith('pages-'))).toBe(false);
  });

  it('with --pages lists the blank backs it leaves out and the coarse photo to rescan, per file', async () => {
    const findings = await check(['--pages']);
    const duplex = about(findings, 'authenticity-commitment').find((f) => f.code === 'pages-adjusted');
    expect(duplex?.message).toBe(
      '「承诺书-双面扫描.pdf」第 2 页：空白页，将略去（不打印、不编页码）；第 4 页：空白页，将略去（不打印、不编页码）；' +
        '第 6 页：空白页，将略去（不打印、不编页码）。',
    );
    const coarse = about(findings, 'business-license').find((f) => f.code === 'pages-hard-to-read');
    expect(coarse).toMatchObject({ severity: 'warning' });
    expect(coarse!.message).toMatch(/^「执照-粗\.jpg」第 1 页：分辨率偏低（约 \d+ dpi，低于 150 dpi）/);
    expect(about(findings, 'application-form').filter((f) => f.code.startsWith('pages-'))).toEqual([]);
  });
});
