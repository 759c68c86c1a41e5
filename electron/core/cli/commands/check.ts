import { dirname, resolve } from 'node:path';
import type { Manifest } from '#shared/manifest.ts';
import { fenToYuan, formatYuan } from '#shared/money.ts';
import type { Profile } from '#shared/profiles/index.ts';
import { isLocalDateTime, shanghaiNow, type CheckResult, type Finding } from '#shared/rules/index.ts';
import { fileFindings } from '../file-findings.ts';
import { checkManifestFile } from '../manifest-findings.ts';
import { loadProfile, readManifest } from '../manifest-input.ts';
import { parseCommandLine, refuseCommandLine, type CommandLineSpec, type OptionSpecs } from '../arguments.ts';
import type { CliCommand, CliContext } from '../command.ts';

const usage = 'check MANIFEST.json [--json] [--pages] [--today YYYY-MM-DD]';

const commandLine = {
  usage,
  options: { json: { type: 'boolean' }, pages: { type: 'boolean' }, today: { type: 'string', example: '2025-10-20' } },
  operands: { min: 1, max: 1 },
  missingOperands: '请给出清单文件。',
} as const satisfies CommandLineSpec<OptionSpecs>;

function parseCheckArgs(args: string[]): {
  manifestPath: string;
  json: boolean;
  pages: boolean;
  today: string | undefined;
} {
  const { values, operands } = parseCommandLine(args, commandLine);
  if (values.today !== undefined && !isLocalDateTime(values.today)) {
    refuseCommandLine(
      '--today 后面要写日期，格式 YYYY-MM-DD（可加时间 THH:mm，北京时间），例如 --today 2025-10-20',
      usage,
    );
  }
  return { manifestPath: operands[0]!, json: values.json ?? false, pages: values.pages ?? false, today: values.today };
}

/** The `--json` shape: money in yuan. */
export function checkResultJson(result: CheckResult): object {
  const v = result.voucher;
  return {
    voucher: {
      track: v.trackId,
      totalCost: fenToYuan(v.totalCostFen),
      eligibleCost: fenToYuan(v.eligibleCostFen),
      ratePercent: v.ratePercent,
      uncapped: fenToYuan(v.uncappedFen),
      amount: fenToYuan(v.amountFen),
      ...(v.softCapFen === undefined ? {} : { softCap: fenToYuan(v.softCapFen), softCapScope: v.softCapScope }),
      ...(v.hardCapFen === undefined ? {} : { hardCap: fenToYuan(v.hardCapFen), hardCapScope: v.hardCapScope }),
      excludedCosts: v.excluded,
    },
    findings: result.findings.map(({ severity, code, subject, message }) => ({ severity, code, subject, message })),
  };
}

const HEADINGS = { error: '错误（须改正）', warning: '警告（请处理或核实）', info: '提示' } as const;
const MARKS = { error: '✗', warning: '!', info: '·' } as const;

/** The human-readable report. */
export function checkResultText(result: CheckResult, manifest: Manifest, profile: Profile): string {
  const v = result.voucher;
  const lines = [
    `检查：${manifest.applicant.name}（${profile.title}）`,
    `${profile.words.grant}：可计入费用 ${formatYuan(v.eligibleCostFen)} × ${v.ratePercent}% → 额度 ${formatYuan(v.amountFen)}（费用合计 ${formatYuan(v.totalCostFen)}）`,
  ];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = result.findings.filter((f: Finding) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `${HEADINGS[severity]} ${group.length} 项：`);
    for (const f of group) lines.push(`  ${MARKS[severity]} ${f.subject}：${f.message} [${f.code}]`);
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  lines.push('', errors === 0 ? '没有错误。' : `共 ${errors} 项错误，改正后再申报。`);
  return `${lines.join('\n')}\n`;
}

async function runCheck(args: string[], ctx: CliContext): Promise<number> {
  const { manifestPath, json, pages, today } = parseCheckArgs(args);
  const manifest = readManifest(manifestPath);
  const baseDir = dirname(resolve(manifestPath));
  const profile = loadProfile(manifest.profile, baseDir, ctx.dataDir);
  const result = await checkManifestFile(
    manifest,
    profile,
    { baseDir, dataDir: ctx.dataDir },
    today ?? shanghaiNow(Date.now()),
  );
  result.findings.push(...(await fileFindings(manifest, baseDir, pages)));
  ctx.stdout(
    json ? `${JSON.stringify(checkResultJson(result), null, 2)}\n` : checkResultText(result, manifest, profile),
  );
  return 0;
}

/**
 * `juanzong check MANIFEST.json [--json] [--pages] [--today YYYY-MM-DD]`: the findings and the voucher, with each
 * listed file opened (and with `--pages` every page inspected). Exit 0 once the manifest reads, whatever it finds; an
 * unreadable or invalid manifest throws a `UsageError` (exit 2).
 */
export const checkCommand: CliCommand = {
  words: ['check'],
  usage,
  summary: '按申请指南检查一份申报清单，算出资助额度',
  run: runCheck,
};
