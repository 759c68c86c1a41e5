/**
 * Re-encoded page images kept between assemblies of the app's dossier job. Cutting a photo to its sheet, reducing a
 * 12 MP photo to 300 dpi or splitting a screenshot costs ~0.3–0.5 s a page, and the clerk generates again after
 * every edit: the bench's 500 pages with the proposals applied took 35 s of CPU against 7 s without. An entry is
 * named by what made it (the file's content hash, the page, its edit, its part, its placed size), so a changed
 * decision or file simply finds no entry. Entries are plain files written atomically, not durably (a torn entry
 * fails its length check and is made again); the oldest are removed once the folder outgrows its budget.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeAtomically } from '../safety/atomic-output.ts';
import type { ImageXObject } from './image-input.ts';

/** Bump when an encoding changes (quality, colour handling…): older entries are then never found. */
const CACHE_VERSION = 2;
/** What the cache may hold before the oldest entries go: a few dossiers' worth of photos. */
const DEFAULT_BUDGET = 1024 * 1024 * 1024;

export interface ImageCache {
  dir: string;
  /** Each input file's content hash, by its absolute path (files without one are not cached). */
  hashes: ReadonlyMap<string, string>;
  budgetBytes?: number;
}

interface EntryHeader {
  width: number;
  height: number;
  dict: string;
  bytes: number;
}

/** The entry's name: everything that decides the encoded picture. */
export function entryName(sha256: string, what: unknown): string {
  const key = JSON.stringify({ v: CACHE_VERSION, sha256, what });
  return `${createHash('sha256').update(key).digest('hex')}.img`;
}

async function readEntry(file: string): Promise<ImageXObject | undefined> {
  try {
    const buffer = await readFile(file);
    const headerLength = buffer.readUInt32BE(0);
    const header = JSON.parse(buffer.subarray(4, 4 + headerLength).toString('utf8')) as EntryHeader;
    const data = buffer.subarray(4 + headerLength);
    if (data.length !== header.bytes) return undefined;
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined); // the oldest-first removal keeps what is used
    return { width: header.width, height: header.height, dict: header.dict, data, turn: 0 };
  } catch {
    return undefined;
  }
}

async function writeEntry(file: string, image: ImageXObject & { data: Uint8Array }): Promise<void> {
  const header: EntryHeader = { width: image.width, height: image.height, dict: image.dict, bytes: image.data.length };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  try {
    // Not durable: a torn entry fails its length check and is made again.
    await writeAtomically(file, (out) => out.writeFile(Buffer.concat([length, headerBytes, image.data])), {
      durable: false,
    });
  } catch {
    // a full disk costs the cache, never the dossier
  }
}

/**
 * The encoded image of a page: from the cache when an entry made the same way exists, else made by `encode` and,
 * when it was re-encoded (not a file passed through, not made quickly from the file's data), kept.
 */
export async function cachedImage(
  cache: ImageCache | undefined,
  file: string,
  what: unknown,
  encode: () => Promise<ImageXObject>,
): Promise<ImageXObject> {
  const sha256 = cache?.hashes.get(file);
  if (!cache || !sha256) return encode();
  const entry = path.join(cache.dir, entryName(sha256, what));
  const kept = await readEntry(entry);
  if (kept) return kept;
  const made = await encode();
  if (made.data instanceof Uint8Array && made.turn === 0 && !made.quick) {
    mkdirSync(cache.dir, { recursive: true });
    await writeEntry(entry, made as ImageXObject & { data: Uint8Array });
  }
  return made;
}

/** Removes the least recently used entries (and stray temporaries) until the cache fits its budget. */
export async function trimImageCache(dir: string, budgetBytes = DEFAULT_BUDGET): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const entries = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const info = await stat(file).catch(() => undefined);
      return info ? { file, size: info.size, used: info.mtimeMs, temp: !name.endsWith('.img') } : undefined;
    }),
  );
  const found = entries.filter((e) => e !== undefined).sort((a, b) => b.used - a.used);
  let total = 0;
  for (const entry of found) {
    total += entry.size;
    if (entry.temp || total > budgetBytes) await rm(entry.file, { force: true });
  }
}
