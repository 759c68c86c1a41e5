/**
 * `juanzong dossier <项目编号> --out 卷宗.pdf [--checklist 核对清单.pdf] [--json]`: the window's 生成 and 导出 from
 * the command line. The dossier is made by the dossier job (the application's stored files, its page decisions and
 * stored page inspections, the assembly worker), then saved where asked, as the save dialog saves it.
 */
import path from 'node:path';
import type { JobStatus } from '#shared/contract/workflow.ts';
import { copyFileAtomically } from '../../safety/atomic-output.ts';
import { dossierOutputPath } from '../../services/dossier-jobs.ts';
import { parseCommandLine, refuseCommandLine, type CommandLineSpec, type OptionSpecs } from '../arguments.ts';
import type { CliCommand, CliContext } from '../command.ts';
import { applicationIdOf, generate, refuseMissingFolder, withDossierJob } from '../dossier-job.ts';

const commandLine = {
  usage: 'dossier <项目编号> --out <卷宗.pdf> [--checklist <核对清单.pdf>] [--json]',
  summary: '按数据文件夹中的申报项目生成卷宗（与桌面程序的「生成」相同），并保存卷宗和核对清单',
  options: {
    out: { type: 'string', example: '卷宗.pdf' },
    checklist: { type: 'string', example: '核对清单.pdf' },
    json: { type: 'boolean' },
  },
  operands: { min: 1, max: 1 },
  missingOperands: '请写出要生成卷宗的项目编号（用 applications list 查看）。',
} as const satisfies CommandLineSpec<OptionSpecs>;

interface Outputs {
  dossier: string;
  checklist: string | undefined;
}

function outputsOf(values: { out?: string; checklist?: string }): Outputs {
  const { usage } = commandLine;
  if (!values.out) refuseCommandLine('请用 --out 写出卷宗 PDF 的保存路径，例如 --out 卷宗.pdf。', usage);
  refuseMissingFolder('--out', values.out, usage);
  if (values.checklist) refuseMissingFolder('--checklist', values.checklist, usage);
  const [dossier, checklist] = [path.resolve(values.out), values.checklist && path.resolve(values.checklist)];
  if (checklist === dossier)
    refuseCommandLine('--out 和 --checklist 指向同一个文件，核对清单会覆盖卷宗。请给核对清单另起一个文件名。', usage);
  return { dossier, checklist: checklist || undefined };
}

async function save(dataDir: string, status: JobStatus, outputs: Outputs, json: boolean, ctx: CliContext) {
  const pageMap = status.pageMap!;
  await copyFileAtomically(dossierOutputPath(dataDir, status.jobId, 'dossier'), outputs.dossier);
  if (outputs.checklist)
    await copyFileAtomically(dossierOutputPath(dataDir, status.jobId, 'checklist'), outputs.checklist);
  if (json) ctx.stdout(`${JSON.stringify(pageMap)}\n`);
  else {
    ctx.stdout(
      `已生成卷宗：${outputs.dossier}（共 ${pageMap.pages} 页，其中空白页 ${pageMap.blankPages.length} 页）\n`,
    );
    if (outputs.checklist) ctx.stdout(`已生成核对清单：${outputs.checklist}\n`);
  }
  for (const warning of pageMap.warnings) ctx.stderr(`提醒：${warning}\n`);
}

export const dossierCommand: CliCommand = {
  words: ['dossier'],
  usage: commandLine.usage,
  summary: commandLine.summary,
  run: (args, ctx) => {
    const { values, operands } = parseCommandLine(args, commandLine);
    const applicationId = applicationIdOf(operands[0]!, commandLine.usage);
    const outputs = outputsOf(values);
    const json = values.json ?? false;
    return withDossierJob(ctx, 'dossier', async (services, jobEnd) => {
      // `--json` keeps stdout for the page map alone.
      const quiet = json ? { ...ctx, stdout: () => undefined } : ctx;
      const status = await generate(services, applicationId, jobEnd, quiet);
      if (!status) return 1;
      await save(services.dataDir, status, outputs, json, ctx);
      return 0;
    });
  },
};
