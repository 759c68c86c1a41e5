/** Reading what `check` and `assemble` are given: the manifest file and the profile it names. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { manifest as manifestSchema, type Manifest } from '#shared/manifest.ts';
import { describeIssue, findProfile, parseProfile, type Profile } from '#shared/profiles/index.ts';
import { chineseIssue } from '#shared/profiles/zh-errors.ts';
import { findProfileIn } from '../profiles/registry.ts';
import { UsageError } from './command.ts';

export function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`读不到${what}“${path}”：请检查路径是否正确、文件是否存在。`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${what}“${path}”不是有效的 JSON：${(error as Error).message}`);
  }
}

export function readManifest(path: string): Manifest {
  const parsed = manifestSchema.safeParse(readJson(path, '清单文件'), { error: chineseIssue });
  if (!parsed.success) throw new UsageError(`清单文件“${path}”有误：${describeIssue(parsed.error.issues[0])}`);
  refuseRepeatedMaterial(parsed.data, path);
  return parsed.data;
}

/**
 * A material listed twice is refused rather than merged: which entry's files come first, and whether the second is
 * a slip for another material, only the clerk knows.
 */
function refuseRepeatedMaterial(manifest: Manifest, path: string): void {
  const seen = new Map<string, number>();
  manifest.materials.forEach((material, index) => {
    const first = seen.get(material.id);
    if (first !== undefined) {
      throw new UsageError(
        `清单文件“${path}”有误：材料“${material.id}”写了两次（materials 第 ${first + 1} 项和第 ${index + 1} 项）。` +
          '请把两处的 files 合并到同一项里，按装订顺序排列，再删去另一项。',
      );
    }
    seen.set(material.id, index);
  });
}

/** `profile` is a built-in id, the id of a profile imported into the data folder, or a path (relative to the manifest) to a profile file. */
export function loadProfile(id: string, baseDir: string, dataDir: string): Profile {
  const known = findProfileIn(dataDir, id);
  if (known) return known;
  if (!id.endsWith('.json')) {
    throw new UsageError(
      `清单文件有误：字段 profile：没有名为“${id}”的申报方案。内置方案：sz-model-voucher-2025；导入的方案见 juanzong profiles list；也可写方案 JSON 文件的路径。`,
    );
  }
  const result = parseProfile(readJson(resolve(baseDir, id), '方案文件'));
  if (!result.ok) throw new UsageError(`字段 profile（${id}）：${result.error}`);
  if (findProfile(result.value.id)) {
    throw new UsageError(
      `字段 profile（${id}）：方案文件的 id“${result.value.id}”是卷宗内置方案的 id，文件不能代替内置方案。` +
        '请在方案文件中改用新的 id（例如 sz-model-voucher-2026），或在清单中直接写内置方案的 id。',
    );
  }
  return result.value;
}
