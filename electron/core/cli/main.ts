import { defaultDataDir } from '../paths.ts';
import { HelpRequested, takeDataOption } from './arguments.ts';
import { UsageError, type CliCommand, type CliIo } from './command.ts';

interface Entry {
  words: string[];
  load: () => Promise<CliCommand>;
}

// Each command's module is loaded only when it runs: `assemble` should not pay for the database, nor `applicants
// list` for the PDF engine (the CLI's start-up counts in every dossier it makes).
const entry = (words: string, load: () => Promise<CliCommand>): Entry => ({ words: words.split(' '), load });
const records = () => import('./commands/records.ts');
const profiles = () => import('./commands/profiles.ts');
const safety = () => import('./commands/safety.ts');

/** Every sub-command, in the order `--help` lists them. */
export const commands: Entry[] = [
  entry('assemble', async () => (await import('./commands/assemble.ts')).assembleCommand),
  entry('check', async () => (await import('./commands/check.ts')).checkCommand),
  entry('inspect', async () => (await import('./commands/inspect.ts')).inspectCommand),
  entry('applicants list', async () => (await records()).applicantsListCommand),
  entry('applications list', async () => (await records()).applicationsListCommand),
  entry('profiles list', async () => (await profiles()).profilesListCommand),
  entry('profiles import', async () => (await profiles()).profilesImportCommand),
  entry('profiles draft', async () => (await profiles()).profilesDraftCommand),
  entry('backup create', async () => (await safety()).backupCreateCommand),
  entry('backup list', async () => (await safety()).backupListCommand),
  entry('backup restore', async () => (await safety()).backupRestoreCommand),
  entry('backup export', async () => (await import('./commands/carry.ts')).backupExportCommand),
  entry('backup import', async () => (await import('./commands/carry.ts')).backupImportCommand),
  entry('archive export', async () => (await safety()).archiveExportCommand),
  entry('archive import', async () => (await safety()).archiveImportCommand),
  entry('demo', async () => (await import('./commands/demo.ts')).demoCommand),
  entry('dossier', async () => (await import('./commands/dossier.ts')).dossierCommand),
  entry('submit', async () => (await import('./commands/submissions.ts')).submitCommand),
  entry('reprint', async () => (await import('./commands/submissions.ts')).reprintCommand),
];

async function helpText(): Promise<string> {
  const loaded = await Promise.all(commands.map((c) => c.load()));
  // Usage and summary on lines of their own: Chinese text breaks any column padding by character count.
  const lines = loaded.flatMap((c) => [`  juanzong ${c.usage}`, `      ${c.summary}`]);
  return [
    '卷宗 Juanzong — 政府资助项目申报材料整理工具（命令行）',
    '',
    '用法：',
    ...lines,
    '',
    '通用选项：',
    '  --data DIR   数据文件夹（默认与桌面程序相同；也可用环境变量 JUANZONG_DATA 指定）',
    '  --help       显示本帮助；写在命令后面（如 juanzong assemble --help）显示该命令的用法',
    '',
  ].join('\n');
}

function findCommand(args: string[]): { command: Entry; rest: string[] } | undefined {
  const sorted = [...commands].sort((a, b) => b.words.length - a.words.length);
  const command = sorted.find((c) => c.words.every((w, i) => args[i] === w));
  return command && { command, rest: args.slice(command.words.length) };
}

/** Runs one command line; returns the exit code (0 done, 1 failed, 2 the command line or input is wrong). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { rest, dataDir } = takeDataOption(argv);
    if (rest.length === 0 || rest[0] === '--help' || rest[0] === '-h' || rest[0] === 'help') {
      io.stdout(await helpText());
      return rest.length === 0 ? 2 : 0;
    }
    const found = findCommand(rest);
    if (!found) throw new UsageError(`不认识的命令：${rest.join(' ')}。运行 juanzong --help 查看可用命令。`);
    const command = await found.command.load();
    return await command.run(found.rest, { ...io, dataDir: dataDir ?? defaultDataDir() });
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.stdout(`${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`出错了：${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
