import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rm, stat, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir, renameDurably } from '../safety/atomic-output.ts';

const hashPattern = /^[0-9a-f]{64}$/;

export interface StoredObject {
  sha256: string;
  size: number;
}

/**
 * Attachments kept by content: `objects/ab/abcdef…` (the SHA-256 of the bytes). A file is written to `tmp/`
 * (its name is known only once it is hashed), fsynced, renamed into place and its folder fsynced
 * (`safety/atomic-output.ts`), so it is durable before any row names it; the same bytes added twice are stored
 * once. Whatever a crash leaves in `tmp/` is removed by `cleanup`.
 */
export class FileStore {
  readonly objectsDir: string;
  readonly tmpDir: string;

  constructor(readonly root: string) {
    this.objectsDir = path.join(root, 'objects');
    this.tmpDir = path.join(root, 'tmp');
  }

  async init(): Promise<void> {
    await mkdir(this.objectsDir, { recursive: true });
    await mkdir(this.tmpDir, { recursive: true });
  }

  pathOf(sha256: string): string {
    if (!hashPattern.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.objectsDir, sha256.slice(0, 2), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  read(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }

  /** Stores bytes held in memory. */
  async putBytes(bytes: Uint8Array): Promise<StoredObject> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (await this.has(sha256)) return { sha256, size: bytes.byteLength };
    const tmpPath = await this.writeTemp((handle) => handle.writeFile(bytes));
    await this.moveIntoPlace(tmpPath, sha256);
    return { sha256, size: bytes.byteLength };
  }

  /** Copies a file from disk, hashing as it streams, so a 2 GB scan never sits in memory whole. */
  async putFile(source: string): Promise<StoredObject> {
    const hash = createHash('sha256');
    let size = 0;
    const tmpPath = await this.writeTemp(async (handle) => {
      for await (const chunk of createReadStream(source, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.byteLength;
        await handle.write(chunk);
      }
    });
    const sha256 = hash.digest('hex');
    if (await this.has(sha256)) await rm(tmpPath, { force: true });
    else await this.moveIntoPlace(tmpPath, sha256);
    return { sha256, size };
  }

  /**
   * Removes what a crash can leave behind: temp files, and objects no row points at (written, then the
   * process died before the row was committed). Call it at start-up, before anything is added.
   */
  async cleanup(referenced: ReadonlySet<string>): Promise<{ tempFiles: number; orphans: number }> {
    const temps = await readdir(this.tmpDir).catch(() => [] as string[]);
    await Promise.all(temps.map((name) => rm(path.join(this.tmpDir, name), { force: true })));
    let orphans = 0;
    for (const prefix of await readdir(this.objectsDir).catch(() => [] as string[])) {
      const dir = path.join(this.objectsDir, prefix);
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        if (referenced.has(name)) continue;
        await rm(path.join(dir, name), { force: true });
        orphans += 1;
      }
    }
    return { tempFiles: temps.length, orphans };
  }

  /** Deletes an object once nothing refers to it any more. */
  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  /**
   * Writes a new file in `tmp/` through `write` and fsyncs it; answers its path. A failed write (a full disk)
   * leaves no half-written temp file behind to fill the disk further.
   */
  private async writeTemp(write: (handle: FileHandle) => Promise<unknown>): Promise<string> {
    const tmpPath = path.join(this.tmpDir, `${Date.now()}-${randomBytes(6).toString('hex')}.part`);
    const handle = await open(tmpPath, 'wx');
    try {
      await write(handle);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(tmpPath, { force: true });
      throw error;
    }
    await handle.close();
    return tmpPath;
  }

  private async moveIntoPlace(tmpPath: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    const dir = path.dirname(target);
    const created = await mkdir(dir, { recursive: true });
    await renameDurably(tmpPath, target);
    if (created) await fsyncDir(this.objectsDir);
  }
}
