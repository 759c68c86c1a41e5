/**
 * Writes a file the clerk will pick up (an exported archive, a dossier) so that the target path holds either the
 * old file or the complete new one, never a part. The temp file sits beside the target (a rename never crosses
 * disks) and is first noted in `<data>/pending-outputs/`, so start-up cleanup can remove it after a crash even
 * though it lives outside the data folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from '../store/file-store.ts';

const journalDirOf = (dataDir: string) => path.join(dataDir, 'pending-outputs');

/** The temp name beside `target`: hidden, and recognisably ours. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.juanzong-part`);
}

async function durableWrite(file: string, text: string): Promise<void> {
  await writeFile(file, text);
  const handle = await open(file, 'r+');
  await handle.sync().finally(() => handle.close());
}

/** Writes `target` through `write`, which gets an open handle on the temp file. */
export async function writeAtomically(dataDir: string, target: string, write: (file: FileHandle) => Promise<void>): Promise<void> {
  const journalDir = journalDirOf(dataDir);
  await mkdir(journalDir, { recursive: true });
  const temp = tempPathFor(target);
  const note = path.join(journalDir, `${randomBytes(8).toString('hex')}.json`);
  await durableWrite(note, JSON.stringify({ temp }));
  await fsyncDir(journalDir);
  try {
    const handle = await open(temp, 'wx');
    try {
      await write(handle);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    await fsyncDir(path.dirname(target));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    await rm(note, { force: true });
  }
}

/** Removes the temp files of writes a crash interrupted. Call at start-up. */
export async function cleanupPendingOutputs(dataDir: string): Promise<number> {
  const journalDir = journalDirOf(dataDir);
  let removed = 0;
  for (const name of await readdir(journalDir).catch(() => [] as string[])) {
    const note = path.join(journalDir, name);
    try {
      const { temp } = JSON.parse(await readFile(note, 'utf8')) as { temp?: unknown };
      if (typeof temp === 'string' && temp.endsWith('.juanzong-part')) {
        await rm(temp, { force: true });
        removed += 1;
      }
    } catch {
      // A note cut short by the crash itself: its temp file was never created.
    }
    await rm(note, { force: true });
  }
  return removed;
}
