/** `juanzong inspect FILE… [--json]`: what the inspection finds on every page of each file, and what it proposes. */
import { resolve } from 'node:path';
import type { FileInspection, PageFindings } from '#shared/page-findings.ts';
import { inspectFiles } from '../../inspect/run-inspection.ts';
import { describeFindings } from '../../inspect/describe.ts';
import { parseCommandLine } from '../arguments.ts';
import type { CliCommand, CliContext } from '../command.ts';

function parse(args: string[]): { files: string[]; json: boolean } {
  const { values, operands } = parseCommandLine(args, {
    usage: inspectCommand.usage,
    summary: inspectCommand.summary,
    options: { json: { type: 'boolean' } },
    operands: { min: 1, max: Infinity },
    missingOperands: '请给出要检查的文件。',
  });
  return { files: operands, json: values.json === true };
}

function pageLine(page: PageFindings): string {
  const said = describeFindings(page);
  return `  第 ${page.page} 页：${said.length ? said.join('；') : '正常'}`;
}

function textReport(result: FileInspection): string {
  if (result.failed === 'unreadable')
    return `${result.file}：无法读取这份文件，未能检查。请确认它是 PDF 或图片且没有损坏。`;
  if (result.failed) return `${result.file}：检查超出时间或内存限制，未能检查完。这份文件将按原样放入卷宗。`;
  return [`${result.file}（${result.pages.length} 页）`, ...result.pages.map(pageLine)].join('\n');
}

async function runInspect(args: string[], ctx: CliContext): Promise<number> {
  const { files, json } = parse(args);
  const results = await inspectFiles(files.map((f) => resolve(f)));
  results.forEach((r, i) => (r.file = files[i]!));
  // Each page's ink (for placing seal marks) is left out: a few KB of base64 a page that says nothing to a reader.
  if (json) ctx.stdout(`${JSON.stringify(results, (key, value: unknown) => (key === 'ink' ? undefined : value))}\n`);
  else ctx.stdout(`${results.map(textReport).join('\n')}\n`);
  return results.some((r) => r.failed) ? 1 : 0;
}

export const inspectCommand: CliCommand = {
  words: ['inspect'],
  usage: 'inspect FILE… [--json]',
  summary: '逐页检查文件：空白页、方向、歪斜、翻拍照片、长截图、分辨率，并给出建议的处理',
  run: runInspect,
};
