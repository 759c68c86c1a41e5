/**
 * Every command's arguments go through `parseCommandLine`: Node's `parseArgs` in strict mode, with each refusal told
 * in Chinese next to the command's usage. An unknown option, an option without its value (`--out` at the end,
 * `--out --json`, `--data=`), a value given to a switch or one file too many stop the command before it does anything.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './command.ts';

/** One option: a switch (`--json`) or one that takes a value, with an example of the value for the refusal. */
export type OptionSpec = { type: 'boolean' } | { type: 'string'; example: string };

export type OptionSpecs = Record<string, OptionSpec>;

export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]?: O[K] extends { type: 'string' } ? string : boolean;
};

export interface CommandLineSpec<O extends OptionSpecs> {
  /** As `--help` shows it, without the leading `juanzong `. */
  usage: string;
  options: O;
  /** How many operands (file names, numbers) the command takes. */
  operands: { min: number; max: number };
  /** What to say when operands are missing, before the usage. */
  missingOperands?: string;
  /** Shown under the usage by `--help`. */
  summary?: string;
}

/** `juanzong COMMAND --help`: the usage goes to stdout and the command exits 0. */
export class HelpRequested extends UsageError {
  override readonly exitCode = 0;
}

const help = { type: 'boolean', short: 'h' } as const;

/** Refuses the command line: what is wrong, then the command's usage. */
export function refuseCommandLine(problem: string, usage: string): never {
  throw new UsageError(`${problem}\n用法：juanzong ${usage}`);
}

/** Refuses what strict parsing would, naming the option in Chinese rather than letting Node's English through. */
function checkOptions<O extends OptionSpecs>(args: string[], spec: CommandLineSpec<O>): void {
  const { tokens } = parseArgs({
    args,
    options: { ...toParseOptions(spec.options), help },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (token.name === 'help')
      throw new HelpRequested([`用法：juanzong ${spec.usage}`, spec.summary].filter(Boolean).join('\n'));
    const option = Object.hasOwn(spec.options, token.name) ? spec.options[token.name] : undefined;
    if (!option) refuseCommandLine(`不认识的选项：${token.rawName}。`, spec.usage);
    if (option.type === 'boolean') {
      if (token.value !== undefined)
        refuseCommandLine(`选项 ${token.rawName} 后面不带值，请去掉“=${token.value}”。`, spec.usage);
      continue;
    }
    // Like strict parsing, `--out --json` is a forgotten value, not a file named `--json`.
    const missing = !token.value || (!token.inlineValue && token.value.startsWith('-'));
    if (missing)
      refuseCommandLine(
        `选项 ${token.rawName} 后面要写${describeValue(option.example)}，不能为空，例如 ${token.rawName} ${option.example}。`,
        spec.usage,
      );
  }
}

function describeValue(example: string): string {
  return /[./\\]/.test(example) ? '路径' : '值';
}

function toParseOptions(options: OptionSpecs): Record<string, { type: 'string' | 'boolean' }> {
  return Object.fromEntries(Object.entries(options).map(([name, o]) => [name, { type: o.type }]));
}

/**
 * Parses one command's arguments (what follows its words; the common `--data` is taken out before).
 *
 * @example
 * const { values, operands } = parseCommandLine(args, {
 *   usage: 'check MANIFEST.json [--json]', options: { json: { type: 'boolean' } }, operands: { min: 1, max: 1 },
 * });
 */
export function parseCommandLine<O extends OptionSpecs>(
  args: string[],
  spec: CommandLineSpec<O>,
): { values: OptionValues<O>; operands: string[] } {
  checkOptions(args, spec);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: { ...toParseOptions(spec.options), help },
      strict: true,
      allowPositionals: true,
    });
  } catch {
    refuseCommandLine('命令行写得不对。', spec.usage);
  }
  const operands = parsed.positionals;
  if (operands.length < spec.operands.min)
    refuseCommandLine(spec.missingOperands ?? '缺少要处理的文件或编号。', spec.usage);
  if (operands.length > spec.operands.max) {
    const extra = operands
      .slice(spec.operands.max)
      .map((o) => `“${o}”`)
      .join('、');
    refuseCommandLine(`多了参数 ${extra}。`, spec.usage);
  }
  return { values: parsed.values as OptionValues<O>, operands };
}

/** For a list command that takes only `--json`: whether it was given (anything else is refused with `usage`). */
export function wantsJsonOnly(args: string[], usage: string): boolean {
  const { values } = parseCommandLine(args, {
    usage,
    options: { json: { type: 'boolean' } },
    operands: { min: 0, max: 0 },
  });
  return values.json ?? false;
}

/**
 * Takes the common `--data DIR` out of a whole command line, wherever it stands, and refuses an empty one (`--data=`
 * would otherwise mean the current folder). The rest is left for the command's own parsing.
 */
export function takeDataOption(argv: string[]): { rest: string[]; dataDir: string | undefined } {
  const { tokens } = parseArgs({
    args: argv,
    options: { data: { type: 'string' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const taken = new Set<number>();
  let dataDir: string | undefined;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') break;
    if (token.kind !== 'option' || token.name !== 'data') continue;
    if (!token.value || (!token.inlineValue && token.value.startsWith('-')) || token.value.trim() === '') {
      throw new UsageError('--data 后面要写数据文件夹的路径，不能为空，例如 --data ./我的数据');
    }
    dataDir = token.value;
    taken.add(token.index);
    if (!token.inlineValue) taken.add(token.index + 1);
  }
  return { rest: argv.filter((_, i) => !taken.has(i)), dataDir };
}
