/**
 * Reads a zip archive from an untrusted source with yauzl, without trusting it: the central directory is read and
 * checked as a whole (`zip-checks.ts`: entry count, sizes, ratios, entries that overlap or lie about where they
 * are) before a byte is extracted, and extraction counts the bytes it actually inflates, so an entry that lies
 * about its size stops at the size it declared. Entries are written under names we choose, never the archive's.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { ArchiveError, refuse } from './archive-errors.ts';
import { checkDirectory, type DirectoryEntry, type ZipLimits } from './zip-checks.ts';

export type { ZipLimits } from './zip-checks.ts';

/** An entry as the directory and its local header describe it (see `DirectoryEntry`). */
export interface ZipEntry extends DirectoryEntry {
  isSymlink: boolean;
}

const openZip = promisify(yauzl.open) as (path: string, options: yauzl.Options) => Promise<yauzl.ZipFile>;

/** Every central-directory entry, in order (names undecoded by yauzl: we check them ourselves, by name). */
async function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

const readLocalHeader = (zip: yauzl.ZipFile, entry: yauzl.Entry) =>
  promisify(zip.readLocalFileHeader.bind(zip))(entry) as unknown as Promise<yauzl.LocalFileHeader>;

/**
 * The entry as we check it. Without its local header (not read yet), its data is taken to start right after a
 * header with no extra field: the least it can be, enough to see entries that overlap.
 */
function describe(entry: yauzl.Entry, local?: yauzl.LocalFileHeader): ZipEntry {
  const host = entry.versionMadeBy >> 8;
  const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
  return {
    name: entry.fileNameRaw.toString('utf8'),
    method: entry.compressionMethod,
    compressedSize: entry.compressedSize,
    size: entry.uncompressedSize,
    localOffset: entry.relativeOffsetOfLocalHeader,
    dataStart: local?.fileDataStart ?? entry.relativeOffsetOfLocalHeader + 30 + entry.fileNameRaw.length,
    isSymlink: host === 3 && mode === 0o120000,
    encrypted: entry.isEncrypted(),
    localAgrees:
      !local || (local.fileName.equals(entry.fileNameRaw) && local.compressionMethod === entry.compressionMethod),
  };
}

/** What yauzl says when a file is not a zip or its structure is broken, as our refusal. */
function asArchiveError(error: unknown, label: string, what: string): ArchiveError {
  if (error instanceof ArchiveError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT')
    return new ArchiveError('archive-missing', label, '找不到这个文件', '请确认文件还在原来的位置。');
  if (code === 'EACCES' || code === 'EPERM')
    return new ArchiveError(
      'archive-unreadable',
      label,
      '没有权限读取这个文件',
      '请把它复制到“文档”等文件夹后再导入。',
    );
  const message = error instanceof Error ? error.message : String(error);
  if (/too many bytes/.test(message)) return new ArchiveError('archive-bomb', label, `${what}解压后比它声明的更大`);
  if (/signature|central directory|not a zip|invalid|end of file|EOF/i.test(message)) {
    return new ArchiveError('archive-not-zip', label, `不是有效的 ZIP 压缩包，或${what}已损坏`);
  }
  return new ArchiveError('archive-damaged', label, `${what}无法读出`);
}

/** An open archive whose directory has passed every check; extract its entries, then `close` it. */
export class ZipArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly raw: yauzl.Entry[],
    readonly entries: ZipEntry[],
    private readonly label: string,
  ) {}

  /** Opens `archive` and checks its directory; throws `ArchiveError` before anything is extracted. */
  static async open(archive: string, label: string, limits: ZipLimits): Promise<ZipArchive> {
    let zip: yauzl.ZipFile;
    try {
      zip = await openZip(archive, {
        lazyEntries: true,
        autoClose: false,
        decodeStrings: false,
        validateEntrySizes: true,
      });
    } catch (error) {
      throw asArchiveError(error, label, '目录区');
    }
    try {
      if (zip.entryCount > limits.maxEntries) {
        refuse('archive-too-many-entries', label, `有 ${zip.entryCount} 个条目，超过上限 ${limits.maxEntries}`);
      }
      const directoryStart = directoryOffsetOf(zip);
      const raw = await readEntries(zip);
      const layout = { archiveBytes: zip.fileSize, directoryStart };
      // The directory alone first (a bomb of 2,000 entries is refused without reading 2,000 local headers), then
      // again with what the local headers say.
      checkDirectory(
        raw.map((entry) => describe(entry)),
        layout,
        label,
        limits,
      );
      const entries: ZipEntry[] = [];
      for (const entry of raw) entries.push(describe(entry, await readLocalHeader(zip, entry)));
      checkDirectory(entries, layout, label, limits);
      return new ZipArchive(zip, raw, entries, label);
    } catch (error) {
      zip.close();
      throw asArchiveError(error, label, '目录区');
    }
  }

  /**
   * Inflates entry `index` into the new file `target`, counting the bytes as they come: past the declared size it
   * stops and refuses (yauzl checks the same; the count is ours so the limit does not depend on its option).
   */
  async extractTo(index: number, target: string): Promise<void> {
    const entry = this.entries[index]!;
    const what = `条目「${entry.name}」`;
    try {
      const stream = (await promisify(this.zip.openReadStream.bind(this.zip))(this.raw[index]!)) as Readable;
      let written = 0;
      const counter = new Transform({
        transform: (chunk: Buffer, _encoding, done) => {
          written += chunk.byteLength;
          if (written > entry.size)
            done(new ArchiveError('archive-bomb', this.label, `${what}解压后比它声明的 ${entry.size} 字节更大`));
          else done(null, chunk);
        },
      });
      await pipeline(stream, counter, createWriteStream(target, { flags: 'wx' }));
      if (written !== entry.size) refuse('archive-damaged', this.label, `${what}解压后大小与声明不符`);
    } catch (error) {
      throw asArchiveError(error, this.label, what);
    }
  }

  close(): void {
    this.zip.close();
  }
}

/** Where the central directory starts (yauzl's read cursor before the first entry is read). */
function directoryOffsetOf(zip: yauzl.ZipFile): number {
  return (zip as unknown as { readEntryCursor: number }).readEntryCursor;
}

/** Opens `archive`, checks its directory and answers its entries (without extracting anything). */
export async function readZipDirectory(archive: string, label: string, limits: ZipLimits): Promise<ZipEntry[]> {
  const zip = await ZipArchive.open(archive, label, limits);
  zip.close();
  return zip.entries;
}
