/**
 * `juanzong submit <项目编号>` and `juanzong reprint <项目编号> --out 补打.pdf`: the window's 标记为已递交 and 生成补打
 * PDF from the command line. Each generates the application's dossier as the window does (the dossier job), then
 * freezes it, or compares it with the frozen one and writes just the sheets to print again.
 */
import path from 'node:path';
import { copyFileAtomically } from '../../safety/atomic-output.ts';
import { parseCommandLine, refuseCommandLine, type CommandLineSpec, type OptionSpecs } from '../arguments.ts';
import type { CliCommand } from '../command.ts';
import { applicationIdOf, generate, refuseMissingFolder, withDossierJob } from '../dossier-job.ts';

const submitLine = {
  usage: 'submit <项目编号> [--note 备注]',
  summary: '生成卷宗并标记为已递交：保存这份卷宗（PDF 和页码对照），以后改动时可算出需要补打的张',
  options: { note: { type: 'string', example: '12 月 7 日递交到区工信局' } },
  operands: { min: 1, max: 1 },
  missingOperands: '请写出要标记为已递交的项目编号（用 applications list 查看）。',
} as const satisfies CommandLineSpec<OptionSpecs>;

export const submitCommand: CliCommand = {
  words: ['submit'],
  usage: submitLine.usage,
  summary: submitLine.summary,
  run: (args, ctx) => {
    const { values, operands } = parseCommandLine(args, submitLine);
    const applicationId = applicationIdOf(operands[0]!, submitLine.usage);
    return withDossierJob(ctx, 'submit', async (services, jobEnd) => {
      const jobId = (await generate(services, applicationId, jobEnd, ctx))?.jobId;
      if (!jobId) return 1;
      const submission = await services.handlers['submission:mark']({ applicationId, jobId, note: values.note ?? '' });
      ctx.stdout(
        `已标记为已递交（${submission.submittedAt.slice(0, 10)}）：共 ${submission.pages} 页、${submission.sheets} 张纸，已保存。\n`,
      );
      return 0;
    });
  },
};

const reprintLine = {
  usage: 'reprint <项目编号> --out <补打.pdf>',
  summary: '与已递交的卷宗比较，列出需要补打、重新盖章的张，并把这些张存为一个 PDF',
  options: { out: { type: 'string', example: '补打.pdf' } },
  operands: { min: 1, max: 1 },
  missingOperands: '请写出项目编号（用 applications list 查看）。',
} as const satisfies CommandLineSpec<OptionSpecs>;

export const reprintCommand: CliCommand = {
  words: ['reprint'],
  usage: reprintLine.usage,
  summary: reprintLine.summary,
  run: (args, ctx) => {
    const { values, operands } = parseCommandLine(args, reprintLine);
    const applicationId = applicationIdOf(operands[0]!, reprintLine.usage);
    const out = values.out;
    if (!out) refuseCommandLine('请用 --out 写出补打 PDF 的保存路径，例如 --out 补打.pdf。', reprintLine.usage);
    refuseMissingFolder('--out', out, reprintLine.usage);
    return withDossierJob(ctx, 'reprint', async (services, jobEnd) => {
      const { handlers } = services;
      const { submission } = await handlers['submission:get']({ applicationId });
      if (!submission) {
        ctx.stderr('这个项目还没有标记为已递交。请先运行 juanzong submit <项目编号>，或在窗口中点「标记为已递交」。\n');
        return 1;
      }
      const jobId = (await generate(services, applicationId, jobEnd, ctx))?.jobId;
      if (!jobId) return 1;
      const plan = await handlers['submission:reprintPlan']({ applicationId, jobId });
      ctx.stdout(`与 ${plan.submittedAt.slice(0, 10)} 递交的卷宗相比：\n${plan.said.map((l) => `  ${l}\n`).join('')}`);
      if (plan.sheets.length === 0) return 0;
      const made = await handlers['submission:reprintPdf']({ applicationId, jobId });
      const target = path.resolve(out);
      await copyFileAtomically(made.path, target);
      ctx.stdout(`补打 PDF：${target}（共 ${made.sheets} 张；按原来的单面/双面设置打印）\n`);
      return 0;
    });
  },
};
