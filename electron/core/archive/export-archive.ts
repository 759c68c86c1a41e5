/**
 * Exports one application with its files as a single `.juanzong` file (a zip): `juanzong-archive.json` with its
 * rows, and `files/<sha256>` for each distinct file, stored as they are (PDFs and scans are compressed already).
 * Streamed, so a folder of large scans never sits in memory whole; written atomically beside the target.
 */
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { Db } from '../db/connection.ts';
import { getApplication } from '../db/queries/applications.ts';
import { writeAtomically } from '../safety/atomic-output.ts';
import type { FileStore } from '../store/file-store.ts';
import { notFound } from '#shared/not-found.ts';
import {
  archiveFormat,
  archiveFormatVersion,
  collectApplicationRows,
  type ArchiveManifest,
} from './archive-manifest.ts';
import { fileEntry, manifestEntry } from './entry-names.ts';

export interface ExportContext {
  db: Db;
  store: FileStore;
  dataDir: string;
  now: () => string;
}

export interface ExportResult {
  path: string;
  files: number;
  size: number;
}

/** Feeds the zip's output to the file in order; fflate calls back synchronously, the file writes are queued. */
function zipInto(handle: FileHandle) {
  let written = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let failure: unknown;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else {
      written += chunk.byteLength;
      queue = queue.then(() => handle.write(chunk));
    }
  });
  const drain = async () => {
    await queue;
    if (failure) throw failure;
  };
  return { zip, drain, size: () => written };
}

async function addStoredFile(zip: Zip, drain: () => Promise<void>, name: string, source: string): Promise<void> {
  const entry = new ZipPassThrough(name);
  zip.add(entry);
  for await (const chunk of createReadStream(source, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    entry.push(chunk);
    await drain();
  }
  entry.push(new Uint8Array(0), true);
}

export async function exportArchive(ctx: ExportContext, applicationId: number, target: string): Promise<ExportResult> {
  if (!getApplication(ctx.db, applicationId)) throw notFound('申报项目', applicationId);
  // One read transaction: the rows and the list of files agree even if the window edits meanwhile.
  const rows = ctx.db.transaction(() => collectApplicationRows(ctx.db, applicationId))();
  const manifest: ArchiveManifest = {
    format: archiveFormat,
    formatVersion: archiveFormatVersion,
    exportedAt: ctx.now(),
    ...rows,
  };
  const hashes = [...new Set([...rows.attachments, ...rows.submissions].map((a) => String(a.sha256)))];
  let size = 0;
  await writeAtomically(
    target,
    async (handle) => {
      const { zip, drain, size: written } = zipInto(handle);
      const json = new ZipDeflate(manifestEntry, { level: 6 });
      zip.add(json);
      json.push(new TextEncoder().encode(JSON.stringify(manifest, null, 1)), true);
      for (const sha of hashes) await addStoredFile(zip, drain, fileEntry(sha), ctx.store.pathOf(sha));
      zip.end();
      await drain();
      size = written();
    },
    { dataDir: ctx.dataDir },
  );
  return { path: target, files: hashes.length, size };
}
