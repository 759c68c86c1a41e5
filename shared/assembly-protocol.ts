/**
 * The messages between a host and the assembly worker (`electron/core/dossier/worker-entry.ts`, shipped bundled as
 * `out/main/assembly-worker.cjs`). The app runs it in Electron's `utilityProcess`, the command line and the tests
 * in a Node child process: the same entry, the same messages, validated on both sides. One worker runs one job.
 *
 *   host → worker   {type: 'start', request}            once, first
 *   worker → host   {type: 'progress', done, total}     any number of times
 *   host → worker   {type: 'cancel'}                    at most once: the worker aborts its AbortSignal
 *   worker → host   {type: 'done', pageMap}             or
 *   worker → host   {type: 'error', code, message, …}   exactly one of the two; then the host ends the process
 *
 * A worker that exits without answering has crashed (the host reports `assembly-crashed`); one that is cancelled
 * and does not stop in time is killed.
 */
import { z } from 'zod';
import { finding, pageMap } from './contract/workflow.ts';
import { manifest } from './manifest.ts';
import { fileInspection } from './page-findings.ts';
import { profileSchema } from './profiles/index.ts';

/** One assembly: the dossier and (optionally) its checklist from one manifest. */
export const assemblyRequest = z.object({
  manifest,
  /** The folder the manifest's file paths are relative to. */
  baseDir: z.string().min(1),
  outPath: z.string().min(1),
  checklistPath: z.string().min(1).optional(),
  /** An imported profile travels with the request; a built-in one may be left to `manifest.profile`. */
  profile: profileSchema.optional(),
  /** The application's findings, made once by the caller; the checklist prints them. */
  findings: z.array(finding).default([]),
  /**
   * Findings already made (stored when the files were attached), by the file's path as the manifest names it: the
   * assembly inspects only the files not listed here.
   */
  inspections: z.record(z.string(), fileInspection).optional(),
  /**
   * Where re-encoded page images are kept between assemblies (the app's data folder), with each file's content
   * hash by its path as the manifest names it: an image edited the same way is not encoded again.
   */
  imageCache: z
    .object({ dir: z.string().min(1), hashes: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)) })
    .optional(),
});

export const hostMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), request: assemblyRequest }),
  z.object({ type: z.literal('cancel') }),
]);

export const workerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: z.number().int().min(0), total: z.number().int().min(0) }),
  z.object({ type: z.literal('done'), pageMap }),
  z.object({
    type: z.literal('error'),
    /** Stable, kebab-case, as in `ApiError`: `damaged`, `needs-password`, `cancelled`, `internal` … */
    code: z.string().min(1),
    /** Chinese, for the clerk: what is wrong and what to do. */
    message: z.string().min(1),
    /** The refused input file, when one is to blame. */
    file: z.string().optional(),
    /** For the log only (a stack), never shown to the clerk. */
    detail: z.string().optional(),
  }),
]);

export type AssemblyRequest = z.input<typeof assemblyRequest>;
export type HostMessage = z.input<typeof hostMessage>;
export type WorkerMessage = z.output<typeof workerMessage>;
export type WorkerError = Extract<WorkerMessage, { type: 'error' }>;

/** The message from the worker, or undefined for anything else (the host logs and ignores it). */
export function parseWorkerMessage(value: unknown): WorkerMessage | undefined {
  const parsed = workerMessage.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The message from the host, parsed (defaults filled in), or undefined for anything else. */
export function parseHostMessage(value: unknown): z.output<typeof hostMessage> | undefined {
  const parsed = hostMessage.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
