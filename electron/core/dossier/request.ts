/**
 * One assembly as a host asks for it (`shared/assembly-protocol.ts`): the dossier and, when a path is given, its
 * checklist from one manifest. The assembly worker runs it; so can a process that does nothing else.
 */
import path from 'node:path';
import type { z } from 'zod';
import type { assemblyRequest } from '#shared/assembly-protocol.ts';
import { findProfile } from '#shared/profiles/index.ts';
import type { AssembleInput, AssembleOptions, AssembleResult } from './assemble.ts';
import { writeChecklist } from './checklist.ts';
import { assertOutputFolder, DossierInputError } from './errors.ts';
import type { PageMap } from './types.ts';
import { inspectFiles } from '../inspect/run-inspection.ts';
import { storedFirst } from '../inspect/stored-first.ts';

/** The request once validated (the manifest's defaults filled in). */
export type AssemblyRequest = z.output<typeof assemblyRequest>;

export type Assemble = (input: AssembleInput, options: AssembleOptions) => Promise<AssembleResult>;

/** Assembles the dossier with `assemble`, then (if asked for) its checklist from the page map and the findings. */
export async function runAssemblyRequest(
  request: AssemblyRequest,
  options: AssembleOptions,
  assemble: Assemble,
): Promise<PageMap> {
  const profile = request.profile ?? findProfile(request.manifest.profile);
  if (!profile) throw new DossierInputError('unknown-profile', request.manifest.profile);
  const { manifest, baseDir, outPath, checklistPath, findings, inspections = {}, imageCache } = request;
  if (checklistPath) assertOutputFolder(checklistPath);
  const known = new Map(Object.entries(inspections).map(([file, found]) => [path.resolve(baseDir, file), found]));
  const inspect = storedFirst(known, options.inspect ?? inspectFiles);
  const cache = imageCache && {
    dir: imageCache.dir,
    hashes: new Map(Object.entries(imageCache.hashes).map(([file, sha]) => [path.resolve(baseDir, file), sha])),
  };
  const { pageMap } = await assemble(
    { manifest, baseDir, outPath, profile },
    { ...options, inspect, stored: known, ...(cache ? { imageCache: cache } : {}) },
  );
  if (checklistPath) await writeChecklist({ manifest, profile, pageMap, findings, outPath: checklistPath });
  return pageMap;
}
