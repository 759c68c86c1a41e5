/** `juanzong profiles list [--json]` and `juanzong profiles import FILE [--replace]`. */
import { readFile, stat } from 'node:fs/promises';
import { profileJsonMaxLength } from '../../../../shared/contract/profiles.ts';
import { isUserFacing } from '../../../../shared/errors.ts';
import { importProfile, listProfiles, profilesDirOf } from '../../profiles/registry.ts';
import { parseCommandLine } from '../arguments.ts';
import { UsageError, type CliCommand, type CliContext } from '../command.ts';

async function runList(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandLine(args, { usage: profilesListCommand.usage, options: { json: { type: 'boolean' } }, operands: { min: 0, max: 0 } });
  const { profiles, damaged } = listProfiles(ctx.dataDir);
  if (values.json) ctx.stdout(`${JSON.stringify(profiles, null, 2)}\n`);
  else for (const p of profiles) ctx.stdout(`${p.id}\t${p.year}\t${p.builtIn ? '内置' : '已导入'}\t${p.title}\n`);
  for (const d of damaged) ctx.stderr(`提醒：${profilesDirOf(ctx.dataDir)} 中的 ${d.file} 无法使用，已跳过：${d.message}\n`);
  return 0;
}

async function readProfileFile(file: string): Promise<string> {
  try {
    if ((await stat(file)).size > profileJsonMaxLength) {
      throw new UsageError(`方案文件“${file}”超过 1 MB，不像是方案文件。请确认选的是申报方案的 .json 文件。`);
    }
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`读不到方案文件“${file}”：请检查路径是否正确、文件是否存在。`);
  }
}

async function runImport(args: string[], ctx: CliContext): Promise<number> {
  const { values, operands: files } = parseCommandLine(args, {
    usage: profilesImportCommand.usage,
    options: { replace: { type: 'boolean' } },
    operands: { min: 1, max: 1 },
    missingOperands: '请给出一个方案文件。',
  });
  const text = await readProfileFile(files[0]!);
  try {
    const summary = await importProfile(ctx.dataDir, text, { replace: values.replace ?? false });
    ctx.stdout(`已导入申报方案：${summary.id}（${summary.year}，${summary.title}）\n`);
    return 0;
  } catch (error) {
    // The file is what is wrong (invalid, a built-in id, already imported): the input, so exit 2.
    if (isUserFacing(error)) throw new UsageError(`无法导入“${files[0]}”：${error.message}`);
    throw error;
  }
}

export const profilesListCommand: CliCommand = {
  words: ['profiles', 'list'],
  usage: 'profiles list [--json]',
  summary: '列出申报方案（内置的和已导入的）',
  run: runList,
};

export const profilesImportCommand: CliCommand = {
  words: ['profiles', 'import'],
  usage: 'profiles import FILE.json [--replace]',
  summary: '导入一份申报方案文件（新一年的指南或同一计划的其他项目）；--replace 替换已导入的同名方案',
  run: runImport,
};
