/** Handlers for backups, `.juanzong` archives and data-folder warnings (`shared/contract/safety.ts`). */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CoreHandlers } from '#shared/contract/index.ts';
import { exportArchive } from '../archive/export-archive.ts';
import { importArchive, stagingDirOf } from '../archive/import-archive.ts';
import { backupDirOf, listBackups } from '../backup/backup-files.ts';
import { exportBackupTo, importBackupFrom } from '../backup/carry-backup.ts';
import { createBackup } from '../backup/create-backup.ts';
import { restoreBackup } from '../backup/restore-backup.ts';
import { migrate } from '../db/migrate.ts';
import { getApplicant } from '../db/queries/applicants.ts';
import { getApplication } from '../db/queries/applications.ts';
import { attachedFiles } from '../db/queries/attachments.ts';
import { safeFileName } from '../safety/file-name.ts';
import { networkPathWarning } from '../safety/network-path.ts';
import { listProfiles } from '../profiles/registry.ts';
import { databaseFileName, type ServiceContext } from './index.ts';
import { orNotFound } from '#shared/not-found.ts';

type SafetyChannel =
  | 'backup:list'
  | 'backup:create'
  | 'backup:restore'
  | 'backup:exportTo'
  | 'backup:importFrom'
  | 'archive:export'
  | 'archive:import'
  | 'data:warnings';

/** Attachments whose file the store no longer holds (a backup older than a file's removal). */
async function missingFiles(ctx: ServiceContext): Promise<string[]> {
  const missing: string[] = [];
  for (const file of attachedFiles(ctx.db)) if (!(await ctx.store.has(file.sha256))) missing.push(file.originalName);
  return missing;
}

function exportName(ctx: ServiceContext, applicationId: number): string {
  const application = orNotFound(getApplication(ctx.db, applicationId), '申报项目', applicationId);
  const applicant = getApplicant(ctx.db, application.applicantId);
  return safeFileName(`${applicant?.name ?? '申报单位'}-${application.year}-项目${application.id}.juanzong`);
}

export function safetyHandlers(ctx: ServiceContext, keepBackups?: number): Pick<CoreHandlers, SafetyChannel> {
  return {
    'backup:list': () => listBackups(backupDirOf(ctx.dataDir)),
    'backup:create': () => createBackup(ctx.db, backupDirOf(ctx.dataDir), { reason: 'manual', keep: keepBackups }),
    'backup:restore': async ({ name }) => {
      const result = await restoreBackup(
        ctx.dataDir,
        path.join(ctx.dataDir, databaseFileName),
        name,
        ctx.lock ?? undefined,
      );
      // The backup may predate a migration: bring the restored schema up to date on the open connection.
      migrate(ctx.db);
      return { restored: result.restored, safetyBackup: result.safetyBackup, missingFiles: await missingFiles(ctx) };
    },
    'backup:exportTo': ({ folder }) => exportBackupTo(ctx, folder),
    'backup:importFrom': async ({ folder }) => {
      const result = await importBackupFrom(ctx, folder);
      migrate(ctx.db);
      return { ...result, missingFiles: await missingFiles(ctx) };
    },
    'archive:export': async ({ applicationId }) => {
      const dir = path.join(ctx.dataDir, 'exports');
      await mkdir(dir, { recursive: true });
      return exportArchive(ctx, applicationId, path.join(dir, exportName(ctx, applicationId)));
    },
    'archive:import': async ({ fileName, bytes, asCopy }) => {
      const incoming = path.join(stagingDirOf(ctx.dataDir), `incoming-${randomBytes(8).toString('hex')}.juanzong`);
      await mkdir(path.dirname(incoming), { recursive: true });
      try {
        await writeFile(incoming, bytes);
        const imported = await importArchive(ctx, incoming, { asCopy, label: safeFileName(fileName) });
        ctx.inspections.resume(); // the imported files' pages, in the background like any attached file
        return imported;
      } finally {
        await rm(incoming, { force: true });
      }
    },
    'data:warnings': () => [
      ...[networkPathWarning(ctx.dataDir)].filter((w) => w !== null),
      ...listProfiles(ctx.dataDir).damaged.map((d) => ({
        code: 'profile-damaged',
        message: `导入的申报方案文件“${d.file}”无法使用：${d.message.replace(/[。.]?\s*$/, '。')}请重新导入该方案文件。`,
      })),
    ],
  };
}
