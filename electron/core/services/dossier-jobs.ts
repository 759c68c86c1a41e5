import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { CoreHandlers } from '#shared/contract/index.ts';
import type { JobStatus, PageMap } from '#shared/contract/workflow.ts';
import { UserFacingError } from '#shared/errors.ts';
import type { AssemblyControl } from '../dossier/assembly-host.ts';
import type { AssemblyRequest } from '../dossier/request.ts';
import { readApplicationDetail } from './application-detail.ts';
import { checkApplicationDetail, profileOf, shanghaiToday } from './checks.ts';
import { toApiError } from '#shared/api-error.ts';
import { stagedFiles, stageManifest } from './dossier-manifest.ts';
import type { ServiceContext } from './index.ts';
import type { StagedFile } from './dossier-manifest.ts';
import type { FileInspection } from '#shared/page-findings.ts';
import { snapshotOf, type FinishedDossiers } from './finished-dossiers.ts';
import { trimImageCache } from '../dossier/image-cache.ts';

export type { AssemblyRequest } from '../dossier/request.ts';

/**
 * Runs one assembly and answers its page map: an `AssemblyHost`'s `run`, which forks the assembly worker (a Node
 * child process by default; a utilityProcess in the app), so a crash there never takes the window down.
 */
export type AssemblyRunner = (request: AssemblyRequest, control: AssemblyControl) => Promise<PageMap>;

export type DossierFile = 'dossier' | 'checklist';

/** Re-encoded page images kept between the jobs (a cache: deleting it only costs time). */
const imageCacheDir = (dataDir: string): string => path.join(dataDir, 'cache', 'images');

/** Where a job's outputs live inside the data folder (the shell's save dialog copies from here). */
export function dossierOutputPath(dataDir: string, jobId: string, which: DossierFile): string {
  return path.join(dataDir, 'dossiers', jobId, which === 'dossier' ? 'dossier.pdf' : 'checklist.pdf');
}

interface Job {
  status: JobStatus;
  applicationId: number;
  abort: AbortController;
}

function unknownJob(jobId: string): UserFacingError {
  return new UserFacingError(
    'job-unknown',
    `找不到生成任务 ${jobId}（卷宗重启后需要重新生成）。请点「生成」重新生成卷宗。`,
  );
}

/**
 * The findings of the files' pages by their staged path: those stored at attach time (their pages' ink places the
 * seal marks), and, when the proposals are wanted (`inspectMissing`), the rest inspected now (one at a time, ahead
 * of the background queue) and stored, so that no assembly inspects a file twice.
 */
async function knownInspections(
  ctx: ServiceContext,
  files: StagedFile[],
  inspectMissing: boolean,
): Promise<Record<string, FileInspection>> {
  const hashes = files.map((f) => f.sha256);
  const found = inspectMissing ? await ctx.inspections.ensure(hashes) : ctx.inspections.storedOf(hashes);
  return Object.fromEntries(files.flatMap((f) => (found.has(f.sha256) ? [[f.path, found.get(f.sha256)!]] : [])));
}

/** The dossier jobs of one running app: start, progress, cancel, and the finished files. */
export function dossierJobHandlers(
  ctx: ServiceContext,
  runAssembly: AssemblyRunner,
  /** Called once a job has ended (done, failed or cancelled) and its leftovers are removed. */
  onJobEnd?: (status: JobStatus) => void,
  /** Told of every finished dossier (标记为已递交 and the reprint plan read them). */
  finished?: FinishedDossiers,
): Pick<CoreHandlers, 'dossier:start' | 'dossier:status' | 'dossier:cancel' | 'dossier:content' | 'dossier:read'> {
  const jobs = new Map<string, Job>();
  const find = (jobId: string) => {
    const job = jobs.get(jobId);
    if (!job) throw unknownJob(jobId);
    return job;
  };
  const assertDone = (jobId: string) => {
    if (find(jobId).status.state !== 'done')
      throw new UserFacingError('job-not-done', '卷宗还没有生成完。请等进度条走完后再预览或导出。');
  };

  async function run(job: Job): Promise<void> {
    const { jobId } = job.status;
    const dir = path.dirname(dossierOutputPath(ctx.dataDir, jobId, 'dossier'));
    try {
      const detail = readApplicationDetail(ctx.db, job.applicationId);
      const inputsDir = path.join(dir, 'inputs');
      const profile = profileOf(ctx.dataDir, detail.application.profileId);
      const { findings } = checkApplicationDetail(ctx.db, detail, profile, shanghaiToday(ctx));
      const manifest = await stageManifest(detail, profile, ctx.store, inputsDir);
      const staged = stagedFiles(detail, profile);
      const pdf = dossierOutputPath(ctx.dataDir, jobId, 'dossier');
      const inspections = await knownInspections(ctx, staged, manifest.options.autoFix);
      if (job.abort.signal.aborted) throw new UserFacingError('cancelled', '已取消生成卷宗。');
      const pageMap = await runAssembly(
        {
          manifest,
          baseDir: inputsDir,
          outPath: pdf,
          checklistPath: dossierOutputPath(ctx.dataDir, jobId, 'checklist'),
          profile,
          findings,
          inspections,
          imageCache: {
            dir: imageCacheDir(ctx.dataDir),
            hashes: Object.fromEntries(staged.map((f) => [f.path, f.sha256])),
          },
        },
        { onProgress: (done, total) => Object.assign(job.status, { done, total }), signal: job.abort.signal },
      );
      const snapshot = snapshotOf(pageMap, manifest, profile, staged);
      finished?.add(jobId, { applicationId: job.applicationId, pdf, pageMap, snapshot });
      Object.assign(job.status, { state: 'done', pageMap });
      // After the clerk has the dossier: the trim reads every entry's size.
      trimImageCache(imageCacheDir(ctx.dataDir)).catch(() => undefined);
    } catch (error) {
      const cancelled = job.abort.signal.aborted;
      Object.assign(job.status, {
        state: cancelled ? 'cancelled' : 'failed',
        error: cancelled ? null : toApiError(error),
      });
    } finally {
      await rm(path.join(dir, 'inputs'), { recursive: true, force: true });
      if (job.status.state !== 'done') await rm(dir, { recursive: true, force: true });
      onJobEnd?.({ ...job.status });
    }
  }

  /** One dossier per application is kept: a new generation replaces the previous one's files. */
  async function dropEarlier(applicationId: number): Promise<void> {
    for (const [id, job] of jobs) {
      if (job.applicationId !== applicationId) continue;
      job.abort.abort();
      jobs.delete(id);
      finished?.drop(id);
      await rm(path.dirname(dossierOutputPath(ctx.dataDir, id, 'dossier')), { recursive: true, force: true });
    }
  }

  return {
    'dossier:start': async ({ applicationId }) => {
      readApplicationDetail(ctx.db, applicationId);
      await dropEarlier(applicationId);
      const jobId = randomUUID();
      await mkdir(path.dirname(dossierOutputPath(ctx.dataDir, jobId, 'dossier')), { recursive: true });
      const job: Job = {
        applicationId,
        abort: new AbortController(),
        status: { jobId, state: 'running', done: 0, total: 0, pageMap: null, error: null },
      };
      jobs.set(jobId, job);
      void run(job);
      return { jobId };
    },
    'dossier:status': ({ jobId }) => ({ ...find(jobId).status }),
    'dossier:cancel': ({ jobId }) => {
      const job = find(jobId);
      if (job.status.state !== 'running') return { cancelled: false };
      job.abort.abort();
      return { cancelled: true };
    },
    'dossier:content': async ({ jobId, which }) => {
      assertDone(jobId);
      const bytes = await readFile(dossierOutputPath(ctx.dataDir, jobId, which));
      return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer> };
    },
    'dossier:read': async ({ jobId, which, from, length }) => {
      assertDone(jobId);
      const file = await open(dossierOutputPath(ctx.dataDir, jobId, which), 'r');
      try {
        const { size } = await file.stat();
        const bytes = new Uint8Array(Math.max(0, Math.min(length, size - from)));
        if (bytes.length > 0) await file.read(bytes, 0, bytes.length, from);
        return { bytes, size };
      } finally {
        await file.close();
      }
    },
  };
}

/** Start-up: dossiers of an earlier run are not reachable any more (job ids live in memory). */
export async function removeStaleDossiers(dataDir: string): Promise<void> {
  await rm(path.join(dataDir, 'dossiers'), { recursive: true, force: true });
}
