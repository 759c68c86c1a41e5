/**
 * The files of an archive, checked before any is kept: each against the hash it is named by, each attachment's
 * file present, and each through the checks a file gets when the clerk attaches it (size, kind by its first
 * bytes, opened as the dossier will open it), so an archive brings in nothing the window would have refused.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileKinds } from '#shared/file-kinds.ts';
import { isUserFacing } from '#shared/errors.ts';
import { inspectInput } from '../dossier/index.ts';
import { sniffFile } from '../files/sniff.ts';
import { assertAcceptableSize } from '../safety/incoming-file.ts';
import { refuse } from './archive-errors.ts';
import type { ImportedApplication } from './archive-rows.ts';
import type { FileFacts } from './write-rows.ts';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Checks each unpacked file against its hash, and that every attachment's file came with the archive. */
export async function verifyFiles(
  rows: ImportedApplication,
  staged: Map<string, string>,
  label: string,
): Promise<void> {
  for (const [hash, file] of staged) {
    if ((await sha256Of(file)) !== hash)
      refuse('archive-file-damaged', label, `文件 ${hash.slice(0, 12)}… 的内容与校验值不符`);
  }
  for (const a of rows.attachments) {
    if (!staged.has(a.sha256)) refuse('archive-file-missing', label, `附件「${a.originalName}」的文件不在压缩包里`);
  }
  for (const s of rows.submissions) {
    if (!staged.has(s.sha256)) refuse('archive-file-missing', label, '递交时的卷宗 PDF 不在压缩包里');
  }
}

/** One attachment's file as `attachments:add` would take it: size, kind, pages; or a refusal naming it. */
async function attachFacts(file: string, name: string, label: string) {
  try {
    const { size } = await stat(file);
    assertAcceptableSize(name, size);
    const kind = sniffFile(file, name);
    const { pages } = await inspectInput(file, kind);
    return { size, mediaType: fileKinds[kind].mediaType, pageCount: pages };
  } catch (error) {
    if (!isUserFacing(error)) throw error;
    return refuse(
      'archive-file-refused',
      label,
      `其中的附件不能放进卷宗：${error.message.replace(/。$/, '')}`,
      '请让对方换一份合格的文件、重新导出后再导入。',
    );
  }
}

/** The attach-time facts of every attachment's file, by hash (each file checked once, under its first name). */
export async function checkAttachmentFiles(
  rows: ImportedApplication,
  staged: Map<string, string>,
  label: string,
): Promise<FileFacts> {
  const facts: FileFacts = new Map();
  for (const a of rows.attachments) {
    if (!facts.has(a.sha256)) facts.set(a.sha256, await attachFacts(staged.get(a.sha256)!, a.originalName, label));
  }
  return facts;
}
