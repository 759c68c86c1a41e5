/** `juanzong assemble MANIFEST.json --out DOSSIER.pdf [--checklist CHECKLIST.pdf] [--json]` */
import { dirname, resolve } from 'node:path';
import { AssemblyError, nodeAssemblyHost } from '../../dossier/index.ts';
import { shanghaiNow } from '../../../../shared/rules/index.ts';
import { checkManifestFile } from '../manifest-findings.ts';
import { loadProfile, readManifest } from '../manifest-input.ts';
import { UsageError, type CliCommand, type CliContext } from '../command.ts';

interface AssembleArgs {
  manifestPath: string;
  out: string;
  checklist: string | undefined;
  json: boolean;
}

function optionValue(args: string[], i: number, name: string): string {
  const value = args[i + 1];
  if (!value || value.startsWith('--')) throw new UsageError(`${name} 后面要写文件路径，例如 ${name} 卷宗.pdf`);
  return value;
}

function parseArgs(args: string[]): AssembleArgs {
  let manifestPath: string | undefined;
  let out: string | undefined;
  let checklist: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--out') out = optionValue(args, i++, '--out');
    else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg === '--checklist') checklist = optionValue(args, i++, '--checklist');
    else if (arg.startsWith('--checklist=')) checklist = arg.slice('--checklist='.length);
    else if (arg.startsWith('-')) throw new UsageError(`不认识的选项：${arg}。用法：juanzong ${assembleCommand.usage}`);
    else if (manifestPath) throw new UsageError(`只能给出一个清单文件，多了“${arg}”。`);
    else manifestPath = arg;
  }
  if (!manifestPath || !out) throw new UsageError(`请给出清单文件和 --out 输出路径。用法：juanzong ${assembleCommand.usage}`);
  return { manifestPath, out, checklist, json };
}


/** The dossier is made by the same assembly worker the app runs, in a child process of this one. */
async function runAssemble(args: string[], ctx: CliContext): Promise<number> {
  const parsed = parseArgs(args);
  const manifest = readManifest(parsed.manifestPath);
  const baseDir = dirname(resolve(parsed.manifestPath));
  const profile = loadProfile(manifest.profile, baseDir, ctx.dataDir);
  const out = resolve(parsed.out);
  const checklist = parsed.checklist ? resolve(parsed.checklist) : undefined;
  const host = nodeAssemblyHost({ info: () => undefined, warn: (message) => ctx.stderr(`${message}\n`) });
  try {
    // The checklist prints the findings `check` makes, worked out here from the manifest and its files.
    const findings = checklist ? (await checkManifestFile(manifest, profile, { baseDir, dataDir: ctx.dataDir }, shanghaiNow(Date.now()))).findings : [];
    const request = { manifest, baseDir, outPath: out, profile, findings, ...(checklist ? { checklistPath: checklist } : {}) };
    const pageMap = await host.run(request, { onProgress: () => undefined, signal: new AbortController().signal });
    if (parsed.json) ctx.stdout(`${JSON.stringify(pageMap)}\n`);
    else {
      ctx.stdout(`已生成卷宗：${out}（共 ${pageMap.pages} 页，其中空白页 ${pageMap.blankPages.length} 页）\n`);
      if (checklist) ctx.stdout(`已生成核对清单：${checklist}\n`);
    }
    for (const w of pageMap.warnings) ctx.stderr(`提醒：${w}\n`);
    return 0;
  } catch (error) {
    if (error instanceof AssemblyError) {
      ctx.stderr(`无法生成卷宗：${error.message}\n${error.file ? `文件：${error.file}\n` : ''}`);
      return 1;
    }
    ctx.stderr(`无法生成卷宗（内部错误）：${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}

export const assembleCommand: CliCommand = {
  words: ['assemble'],
  usage: 'assemble MANIFEST.json --out DOSSIER.pdf [--checklist CHECKLIST.pdf] [--json]',
  summary: '把清单中的材料整理成一份可直接打印装订的 A4 卷宗 PDF（封面、目录、页码、盖章位置）',
  run: runAssemble,
};
