/**
 * What `assemble` checks on the disk before it starts: every material file is a plain file (reading a named pipe
 * waits for a writer forever), and neither output lands on an input or on the other output (the input would be
 * lost, or the checklist would replace the dossier).
 */
import { statSync, type Stats } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Manifest } from '#shared/manifest.ts';
import { manifestFilePath } from '#shared/rules/index.ts';
import { UsageError } from './command.ts';

interface InputFile {
  path: string;
  /** How the clerk knows it: 清单文件, or 材料“…”的文件. */
  role: string;
}

export interface AssembleFiles {
  manifestPath: string;
  manifest: Manifest;
  baseDir: string;
  out: string;
  checklist: string | undefined;
}

function inputsOf({ manifestPath, manifest, baseDir }: AssembleFiles): InputFile[] {
  const materials = manifest.materials.flatMap((m) =>
    (m.files ?? [])
      .map(manifestFilePath)
      .map((p) => ({ path: isAbsolute(p) ? p : resolve(baseDir, p), role: `材料“${m.id}”的文件` })),
  );
  return [{ path: resolve(manifestPath), role: '清单文件' }, ...materials];
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return '文件夹';
  if (stats.isFIFO()) return '命名管道（FIFO）';
  if (stats.isSocket()) return '套接字';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return '设备文件';
  return '特殊文件';
}

/** The same file on the disk: by device and inode when both exist (links, other spellings), else by path. */
function sameFile(a: string, b: string): boolean {
  const [sa, sb] = [statOf(a), statOf(b)];
  if (sa && sb && sa.ino !== 0) return sa.dev === sb.dev && sa.ino === sb.ino;
  return resolve(a) === resolve(b);
}

/** Refuses a material file that is not a plain file. A missing one is left to the engine, which names it. */
function refuseSpecialFiles(inputs: InputFile[]): void {
  for (const input of inputs) {
    const stats = statOf(input.path);
    if (stats && !stats.isFile()) {
      throw new UsageError(
        `${input.role}“${input.path}”是${kindOf(stats)}，不是普通文件，卷宗无法读取它。` +
          '请在清单中改写为 PDF 或图片文件本身的路径（可先把内容保存成文件）。',
      );
    }
  }
}

function refuseOutputOnInput(option: string, output: string, inputs: InputFile[]): void {
  const input = inputs.find((i) => sameFile(output, i.path));
  if (input) {
    throw new UsageError(
      `${option} 指向的“${resolve(output)}”就是${input.role}，生成时会把它覆盖。请把输出保存到另一个文件名，例如 ${option} ${
        option === '--out' ? '卷宗.pdf' : '核对清单.pdf'
      }。`,
    );
  }
}

/** Throws a `UsageError` naming the file and the fix before anything is read or written. */
export function checkAssembleFiles(files: AssembleFiles): void {
  const inputs = inputsOf(files);
  refuseSpecialFiles(inputs.slice(1));
  refuseOutputOnInput('--out', files.out, inputs);
  if (files.checklist === undefined) return;
  refuseOutputOnInput('--checklist', files.checklist, inputs);
  if (sameFile(files.out, files.checklist)) {
    throw new UsageError(
      `--out 和 --checklist 指向同一个文件“${resolve(files.out)}”：核对清单会覆盖卷宗。` +
        '请给核对清单另起一个文件名，例如 --checklist 核对清单.pdf。',
    );
  }
}
