import { rm } from 'node:fs/promises';
import path from 'node:path';
import { cleanupStaging } from '../archive/import-archive.ts';
import { cleanupPendingOutputs } from './atomic-output.ts';

/**
 * Removes what an interrupted import, export or restore left behind (the file store and backups tidy their own).
 * Only the folder's owner calls it (safety/data-lock.ts): no live process is using any of it.
 */
export async function cleanupAfterCrash(dataDir: string): Promise<void> {
  await cleanupStaging(dataDir);
  await cleanupPendingOutputs(dataDir);
  await rm(path.join(dataDir, 'juanzong.sqlite3.restoring'), { force: true });
}
