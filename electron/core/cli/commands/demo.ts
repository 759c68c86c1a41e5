/**
 * `juanzong demo [--out DIR]` (`npm run demo`): makes the 示例 application in its own data folder (DIR/data, never
 * the clerk's), runs the dossier job the window runs, and copies the dossier and the checklist to DIR.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { JobStatus } from '#shared/contract/workflow.ts';
import { formatYuan } from '#shared/money.ts';
import { findProfile } from '#shared/profiles/index.ts';
import { SAMPLE_PROFILE_ID } from '../../sample/sample-records.ts';
import { dossierOutputPath } from '../../services/dossier-jobs.ts';
import type { Services } from '../../services/index.ts';
import { parseCommandLine, type CommandLineSpec, type OptionSpecs } from '../arguments.ts';
import type { CliCommand, CliContext } from '../command.ts';
import { withServices } from '../open-data.ts';

const usage = 'demo [--out DIR]';

const commandLine = {
  usage,
  summary: '用示例单位（虚构）做一份完整的申报卷宗和材料清单，放在 DIR（默认 ./demo）；示例数据存在 DIR/data',
  options: { out: { type: 'string', example: 'demo' } },
  operands: { min: 0, max: 0 },
} as const satisfies CommandLineSpec<OptionSpecs>;

async function makeDemo(
  services: Services,
  outDir: string,
  ctx: CliContext,
  jobEnd: Promise<JobStatus>,
): Promise<number> {
  const { handlers } = services;
  await handlers['sample:remove']({}); // a fresh sample each run, drawn by the code as it is now
  const { application } = await handlers['sample:create']({});
  const { voucher, findings } = await handlers['applications:check']({ applicationId: application.id });
  const { jobId } = await handlers['dossier:start']({ applicationId: application.id });
  const status = await jobEnd;
  if (status.state !== 'done' || !status.pageMap) {
    ctx.stderr(`示例卷宗没有生成：${status.error?.message ?? '生成被中止'}\n`);
    return 1;
  }
  const dossier = path.join(outDir, '示例-申报材料.pdf');
  const checklist = path.join(outDir, '示例-材料清单.pdf');
  await copyFile(dossierOutputPath(services.dataDir, jobId, 'dossier'), dossier);
  await copyFile(dossierOutputPath(services.dataDir, jobId, 'checklist'), checklist);
  const errors = findings.filter((f) => f.severity === 'error').length;
  ctx.stdout(
    [
      `示例申请已生成（示例科技（深圳）有限公司，虚构单位，仅供演示）。`,
      `${findProfile(SAMPLE_PROFILE_ID)?.words.grant ?? '资助'}额度：${formatYuan(voucher.amountFen)}；检查结果：${errors} 个问题。`,
      `申报材料（卷宗）：${dossier}（共 ${status.pageMap.pages} 页）`,
      `材料清单：${checklist}`,
      `示例数据文件夹：${services.dataDir}（可用 juanzong --data ${services.dataDir} … 查看）`,
      '',
    ].join('\n'),
  );
  return 0;
}

export const demoCommand: CliCommand = {
  words: ['demo'],
  usage,
  summary: commandLine.summary,
  run: async (args, ctx) => {
    const { values } = parseCommandLine(args, commandLine);
    const outDir = path.resolve(values.out ?? 'demo');
    const dataDir = path.join(outDir, 'data');
    await mkdir(outDir, { recursive: true });
    // The demo starts one dossier job: its end is announced by the services, as the window is told.
    let ended: (status: JobStatus) => void = () => {};
    const jobEnd = new Promise<JobStatus>((resolve) => (ended = resolve));
    return withServices({ ...ctx, dataDir }, 'write', 'demo', (services) => makeDemo(services, outDir, ctx, jobEnd), {
      onDossierJobEnd: (status) => ended(status),
    });
  },
};
