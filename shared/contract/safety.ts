/**
 * Channels that keep the clerk's data safe: backups (list, take one, restore one), moving one application between
 * machines as a `.juanzong` archive, and warnings about the data folder itself.
 *
 * - `backup:restore` replaces the whole database with the backup (the current one is backed up first, as
 *   `before-restore`); `missingFiles` names attachments whose file is no longer in the store.
 * - `backup:exportTo` (备份到…) writes `卷宗备份-<time>/` inside `folder` (the shell's folder dialog gives it): the
 *   database and every file it names, read back and checked. `backup:importFrom` restores such a folder here, on
 *   this or another machine (the current database is backed up first, as `before-restore`).
 * - `archive:export` writes `<data folder>/exports/<name>.juanzong`; the shell's save dialog copies it elsewhere.
 * - `archive:import` takes the archive's bytes; an application that is already here is refused (`archive-exists`)
 *   unless `asCopy` is set, when it is imported as a new application beside the old one.
 */
import { z } from 'zod';
import { recordId } from './schemas.ts';

const none = z.object({}).strict();
/** A folder the clerk chose in the shell's dialog: an absolute path (POSIX or Windows). */
const absoluteFolder = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, '请选择一个文件夹（完整路径）');

export const backupInfo = z.object({
  name: z.string(),
  reason: z.enum(['manual', 'daily', 'before-migration', 'before-restore', 'before-import']),
  takenAt: z.string(),
  size: z.number().int().nonnegative(),
});

export const safetyContract = {
  'backup:list': { input: none, output: z.array(backupInfo) },
  'backup:create': { input: none, output: backupInfo },
  'backup:restore': {
    input: z.object({ name: z.string().min(1).max(200) }).strict(),
    output: z.object({
      restored: backupInfo,
      safetyBackup: z.string().nullable(),
      missingFiles: z.array(z.string()),
    }),
  },
  'backup:exportTo': {
    input: z.object({ folder: absoluteFolder }).strict(),
    output: z.object({ folder: z.string(), files: z.number().int(), bytes: z.number().int() }),
  },
  'backup:importFrom': {
    input: z.object({ folder: absoluteFolder }).strict(),
    output: z.object({
      takenAt: z.string(),
      files: z.number().int(),
      safetyBackup: z.string().nullable(),
      missingFiles: z.array(z.string()),
    }),
  },
  'archive:export': {
    input: z.object({ applicationId: recordId }).strict(),
    output: z.object({ path: z.string(), files: z.number().int(), size: z.number().int() }),
  },
  'archive:import': {
    input: z
      .object({
        fileName: z.string().min(1).max(255),
        bytes: z.instanceof(Uint8Array),
        asCopy: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ applicationId: recordId, applicantId: recordId, files: z.number().int() }),
  },
  'data:warnings': { input: none, output: z.array(z.object({ code: z.string(), message: z.string() })) },
} as const;
