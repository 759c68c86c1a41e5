/**
 * The one way Juanzong writes a file so that its path holds either the old file or the complete new one, never a
 * part: written to a temporary file beside the target (a rename never crosses disks), then renamed over it.
 *
 * - **Durable** writes (the default: archives, imported profiles, the file store) also fsync the file before the
 *   rename and the folder after it, so a power cut after the call returns cannot lose them. A dossier or checklist
 *   PDF, made again in seconds from what the database holds, is written without fsync (`durable: false`):
 *   flushing 270 MB on every assembly would cost more than it guards.
 * - Temporary files are named `.<target name>.<pid>.<random>.juanzong-part`. A writer killed mid-write leaves
 *   one; the next write to the same target removes those of processes no longer running, and a write given the
 *   data folder also notes its temp file in `<data>/pending-outputs/`, so start-up cleanup finds it even if that
 *   target is never written again.
 *
 * `writeAtomically` takes a callback that writes through an open handle; `copyFileAtomically` copies a finished
 * file (a dossier the clerk saves elsewhere); `writeFileAtomicallySync` is for the few small writes that cannot
 * wait for a promise; `AtomicFile` hands out the temporary path for a writer that opens the file itself (the
 * dossier's output sink, with its own flags) and commits or abandons it afterwards. `renameDurably` puts in place
 * what another writer made whole (SQLite's backup file, a backup folder).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { copyFile, mkdir, open, readdir, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { isProcessRunning } from './process-running.ts';

const isWindows = process.platform === 'win32';
const suffix = '.juanzong-part';
const journalDirOf = (dataDir: string) => path.join(dataDir, 'pending-outputs');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Makes a rename in `dir` durable. Windows cannot open a folder for fsync; NTFS journals the rename instead. */
export async function fsyncDir(dir: string): Promise<void> {
  if (isWindows) return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a file already written and closed (by a writer with its own file descriptor) to the disk. */
export async function fsyncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Renames `from` to `to` and fsyncs `to`'s folder, so the new name survives a power cut. */
export async function renameDurably(from: string, to: string): Promise<void> {
  await rename(from, to);
  await fsyncDir(path.dirname(to));
}

/** The temporary name beside `target`: hidden, this process's, and recognisably ours. */
export function tempPathFor(target: string): string {
  const resolved = path.resolve(target);
  return path.join(
    path.dirname(resolved),
    `.${path.basename(resolved)}.${process.pid}.${randomBytes(6).toString('hex')}${suffix}`,
  );
}

/**
 * Removes the temporary files beside `target` left by processes no longer running, or (with `pid`) by that
 * process (a worker thread of ours that was stopped mid-write). Answers how many it removed.
 */
export function removeStaleTemps(target: string, pid?: number): number {
  const resolved = path.resolve(target);
  const dir = path.dirname(resolved);
  const pattern = new RegExp(`^\\.${escape(path.basename(resolved))}\\.(\\d+)\\.[0-9a-f]+${escape(suffix)}$`);
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    const owner = Number(pattern.exec(name)?.[1] ?? NaN);
    if (Number.isNaN(owner) || (pid === undefined ? isProcessRunning(owner) : owner !== pid)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed += 1;
  }
  return removed;
}

export interface AtomicOptions {
  /** fsync the file and its folder (default true). */
  durable?: boolean;
  /** The data folder, when the target is outside it: the temp file is noted for start-up cleanup. */
  dataDir?: string;
}

/** Notes `temp` in the data folder's journal (durably), so start-up cleanup can remove it after a crash. */
async function noteTemp(dataDir: string, temp: string): Promise<string> {
  const journalDir = journalDirOf(dataDir);
  await mkdir(journalDir, { recursive: true });
  const note = path.join(journalDir, `${randomBytes(8).toString('hex')}.json`);
  await writeFile(note, JSON.stringify({ temp }));
  await fsyncFile(note);
  await fsyncDir(journalDir);
  return note;
}

/**
 * A temporary file beside `target`, to be written by whoever holds `tempPath` and then committed (renamed over
 * the target) or abandoned (removed). The seam for a writer that opens the file with its own flags.
 * @example
 * const out = await AtomicFile.create('卷宗.pdf', { durable: false });
 * await writeEverything(out.tempPath); // opens, writes and closes it
 * await out.commit();                   // or, on failure: await out.abandon()
 */
export class AtomicFile {
  private constructor(
    readonly target: string,
    readonly tempPath: string,
    private readonly durable: boolean,
    private readonly note: string | undefined,
  ) {}

  static async create(target: string, options: AtomicOptions = {}): Promise<AtomicFile> {
    const resolved = path.resolve(target);
    removeStaleTemps(resolved);
    const temp = tempPathFor(resolved);
    const note = options.dataDir ? await noteTemp(options.dataDir, temp) : undefined;
    return new AtomicFile(resolved, temp, options.durable ?? true, note);
  }

  /** Puts the finished temporary file in the target's place (fsynced first when durable). */
  async commit(): Promise<void> {
    try {
      if (this.durable) {
        await fsyncFile(this.tempPath);
        await renameDurably(this.tempPath, this.target);
      } else await replaceQuickly(this.tempPath, this.target);
    } catch (error) {
      await this.abandon();
      throw error;
    }
    await this.forget();
  }

  /** Removes the temporary file; the target keeps what it had. */
  async abandon(): Promise<void> {
    await rm(this.tempPath, { force: true });
    await this.forget();
  }

  private async forget(): Promise<void> {
    if (this.note) await rm(this.note, { force: true });
  }
}

/**
 * Renames `temp` over `target` without waiting for the disk. An existing file there is first moved aside and
 * removed in the background: renaming over it makes ext4 write the new file's data and free the old one's blocks
 * on the spot (~120 ms for a 270 MiB dossier). The aside name is a temp name of ours, so a removal that never
 * happens is cleaned by the next write.
 */
async function replaceQuickly(temp: string, target: string): Promise<void> {
  const aside = tempPathFor(target);
  const moved = await rename(target, aside).then(
    () => true,
    () => false,
  );
  try {
    await rename(temp, target);
  } catch (error) {
    if (moved) await rename(aside, target);
    throw error;
  }
  if (moved) rm(aside, { force: true }).catch(() => undefined);
}

/**
 * Writes `target` through `write`, which gets a handle on the new temporary file.
 * @example await writeAtomically(archivePath, (file) => file.writeFile(bytes), { dataDir });
 */
export async function writeAtomically(
  target: string,
  write: (file: FileHandle) => Promise<void>,
  options: AtomicOptions = {},
): Promise<void> {
  const out = await AtomicFile.create(target, options);
  try {
    const handle = await open(out.tempPath, 'wx');
    try {
      await write(handle);
    } finally {
      await handle.close();
    }
  } catch (error) {
    await out.abandon();
    throw error;
  }
  await out.commit();
}

/**
 * Copies `source` to `target` through a temporary file beside it: `target` holds its old content or the whole copy,
 * and a failed copy leaves no temporary file behind.
 * @example await copyFileAtomically(finishedDossier, chosenByTheClerk);
 */
export async function copyFileAtomically(source: string, target: string, options: AtomicOptions = {}): Promise<void> {
  const out = await AtomicFile.create(target, options);
  try {
    await copyFile(source, out.tempPath, fs.constants.COPYFILE_EXCL);
  } catch (error) {
    await out.abandon();
    throw error;
  }
  await out.commit();
}

/**
 * Writes `data` to `target` atomically without giving up the thread: for the few writes that must finish before
 * the process goes on or quits (the lock's owner note, the window's size on close). Small files only.
 */
export function writeFileAtomicallySync(target: string, data: string, options: { durable?: boolean } = {}): void {
  const resolved = path.resolve(target);
  removeStaleTemps(resolved);
  const temp = tempPathFor(resolved);
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, data);
      if (options.durable ?? true) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, resolved);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  if ((options.durable ?? true) && !isWindows) {
    const dir = fs.openSync(path.dirname(resolved), 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
  }
}

/** Removes the temp files of writes a crash interrupted, as noted in the data folder. Call at start-up. */
export async function cleanupPendingOutputs(dataDir: string): Promise<number> {
  const journalDir = journalDirOf(dataDir);
  let removed = 0;
  for (const name of await readdir(journalDir).catch(() => [] as string[])) {
    const note = path.join(journalDir, name);
    try {
      const { temp } = JSON.parse(await readFile(note, 'utf8')) as { temp?: unknown };
      if (typeof temp === 'string' && temp.endsWith(suffix)) {
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
