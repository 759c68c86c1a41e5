/**
 * Channels that keep the clerk's data safe: backups (list, take one, restore one), moving one application between
 * machines as a `.juanzong` archive, and warnings about the data folder itself.
 *
 * - `backup:restore` replaces the whole database with the backup (the current one is backed up first, as
 *   `before-restore`); `missingFiles` names attachments whose file is no longer in the store.
 * - `archive:export` writes `<data folder>/exports/<name>.juanzong`; the shell's save dialog copies it elsewhere.
 * - `archive:import` takes the archive's bytes; an application that is already here is refused (`archive-exists`)
 *   unless `asCopy` is set, when it is imported as a new application beside the old one.
 */
import { z } from 'zod';
import { recordId } from './schemas.ts';

const none = z.object({}).strict();

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
  'archive:export': {
    input: z.object({ applicationId: recordId }).strict(),
    output: z.object({ path: z.string(), files: z.number().int(), size: z.number().int() }),
  },
  'archive:import': {
    input: z.object({ fileName: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array), asCopy: z.boolean().default(false) }).strict(),
    output: z.object({ applicationId: recordId, applicantId: recordId, files: z.number().int() }),
  },
  'data:warnings': { input: none, output: z.array(z.object({ code: z.string(), message: z.string() })) },
} as const;
