/** An inspector that answers from findings already known (stored at attach time) and inspects only the rest. */
import type { FileInspection } from '#shared/page-findings.ts';

export type Inspector = (files: string[]) => Promise<FileInspection[]>;

/**
 * `inspect`, asked only for the files `known` has no findings for; answers in the order of `files`.
 * @example const inspect = storedFirst(new Map([['/in/licence.jpg', stored]]), inspectFiles);
 */
export function storedFirst(known: ReadonlyMap<string, FileInspection>, inspect: Inspector): Inspector {
  return async (files) => {
    const missing = files.filter((f) => !known.has(f));
    const fresh = missing.length > 0 ? await inspect(missing) : [];
    const found = new Map(missing.map((f, i) => [f, fresh[i]!]));
    return files.map((f) => known.get(f) ?? found.get(f)!);
  };
}
