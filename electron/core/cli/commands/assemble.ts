/** `juanzong assemble MANIFEST.json --out DOSSIER.pdf [--checklist CHECKLIST.pdf] [--json]` */
import { dirname, resolve } from 'node:path';
import { AssemblyError, nodeAssemblyHost } from '../../dossier/index.ts';
import { shanghaiNow } from '#shared/rules/index.ts';
import { checkAssembleFiles } from '../assemble-files.ts';
import { checkManifestFile } from '../manifest-findings.ts';
import { loadProfile, readManifest } from '../manifest-input.ts';
import { parseCommandLine, refuseCommandLine, type CommandLineSpec, type OptionSpecs } from '../arguments.ts';
import type { CliCommand, CliContext } from '../command.ts';

const usage = 'assemble MANIFEST.json --out DOSSIER.pdf [--checklist CHECKLIST.pdf] [--json]';

const commandLine = {
  usage,
  options: {
    out: { type: 'string', example: '卷宗.pdf' },
    checklist: { type: 'string', example: '核对清单.pdf' },
    json: { type: 'boolean' },
  },
  operands: { min: 1, max: 1 },
  missingOperands: '请给出清单文件。',
} as const satisfies CommandLineSpec<OptionSpecs>;

interface AssembleArgs {
  manifestPath: string;
  out: string;
  checklist: string | undefined;
  json: boolean;
}

function parseAssembleArgs(args: string[]): AssembleArgs {
  const { values, operands } = parseCommandLine(args, commandLine);
  if (!values.out) refuseCommandLine('请用 --out 写出卷宗 PDF 的保存路径，例如 --out 卷宗.pdf。', usage);
  return { manifestPath: operands[0]!, out: values.out, checklist: values.checklist, json: values.json ?? false };
}

/** The dossier is made by the same assembly worker the app runs, in a child process of this one. */
async function runAssemble(args: string[], ctx: CliContext): Promise<number> {
  const parsed = parseAssembleArgs(args);
  const manifest = readManifest(parsed.manifestPath);
  const baseDir = dirname(resolve(parsed.manifestPath));
  const profile = loadProfile(manifest.profile, baseDir, ctx.dataDir);
  const out = resolve(parsed.out);
  checkAssembleFiles({ manifestPath: parsed.manifestPath, manifest, baseDir, out, checklist: parsed.checklist });
  const checklist = parsed.checklist ? resolve(parsed.checklist) : undefined;
  const host = nodeAssemblyHost({ info: () => undefined, warn: (message) => ctx.stderr(`${message}\n`) });
  try {
    // The checklist prints the findings `check` makes, worked out here from the manifest and its files.
    const findings = checklist
      ? (await checkManifestFile(manifest, profile, { baseDir, dataDir: ctx.dataDir }, shanghaiNow(Date.now())))
          .findings
      : [];
    const request = {
      manifest,
      baseDir,
      outPath: out,
      profile,
      findings,
      ...(checklist ? { checklistPath: checklist } : {}),
    };
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
  usage,
  summary: '把清单中的材料整理成一份可直接打印装订的 A4 卷宗 PDF（封面、目录、页码、盖章位置）',
  run: runAssemble,
};
