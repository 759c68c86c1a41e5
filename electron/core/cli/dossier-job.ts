/**
 * The window's dossier job from the command line: the application's dossier generated through the same services
 * (staged from the file store, the stored page inspections, the assembly worker in a process of its own).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { JobStatus } from '#shared/contract/workflow.ts';
import type { Services } from '../services/index.ts';
import { refuseCommandLine } from './arguments.ts';
import type { CliContext } from './command.ts';
import { withServices } from './open-data.ts';

export function applicationIdOf(operand: string, usage: string): number {
  const id = Number(operand);
  if (!Number.isInteger(id) || id <= 0)
    refuseCommandLine(`项目编号要写正整数，“${operand}”不是（用 applications list 查看）。`, usage);
  return id;
}

/** Runs the dossier job for the application and answers its id once done; says why on stderr when it failed. */
export async function generate(
  services: Services,
  applicationId: number,
  jobEnd: Promise<JobStatus>,
  ctx: CliContext,
): Promise<JobStatus | undefined> {
  ctx.stdout('正在生成卷宗……\n');
  await services.handlers['dossier:start']({ applicationId });
  const status = await jobEnd;
  if (status.state === 'done') return status;
  ctx.stderr(`卷宗没有生成：${status.error?.message ?? '生成被中止'}\n`);
  return undefined;
}

/** Opens the data folder for writing with the dossier job's end announced, then runs `work`. */
export function withDossierJob(
  ctx: CliContext,
  task: string,
  work: (services: Services, jobEnd: Promise<JobStatus>) => Promise<number>,
): Promise<number> {
  let ended: (status: JobStatus) => void = () => {};
  const jobEnd = new Promise<JobStatus>((resolve) => (ended = resolve));
  return withServices(ctx, 'write', task, (services) => work(services, jobEnd), {
    onDossierJobEnd: (status) => ended(status),
  });
}

/** Refuses, before anything is generated, an output whose folder does not exist (the copy would fail at the end). */
export function refuseMissingFolder(option: string, file: string, usage: string): void {
  const folder = path.dirname(path.resolve(file));
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    refuseCommandLine(`${option} 要保存到的文件夹“${folder}”不存在。请先建好这个文件夹，或换一个保存位置。`, usage);
}
