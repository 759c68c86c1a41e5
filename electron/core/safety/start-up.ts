import { cleanupStaging } from '../archive/import-archive.ts';
import { cleanupPendingOutputs } from './atomic-output.ts';

/** Removes what an interrupted import or export left behind (the file store and backups tidy their own). */
export async function cleanupAfterCrash(dataDir: string): Promise<void> {
  await cleanupStaging(dataDir);
  await cleanupPendingOutputs(dataDir);
}
