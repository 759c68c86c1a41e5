/**
 * One assembly as the app asks for it: the dossier and its checklist from one manifest. The same request runs in a
 * worker thread (the core's default), in Electron's utilityProcess (`worker-entry.ts`), or in-process.
 */
import type { Manifest } from '../../../shared/manifest.ts';
import { findProfile, type Profile } from '../../../shared/profiles/index.ts';
import type { Finding } from '../../../shared/rules/index.ts';
import type { AssembleInput, AssembleOptions, AssembleResult } from './assemble.ts';
import { writeChecklist } from './checklist.ts';
import { assertOutputFolder, DossierInputError } from './errors.ts';
import type { PageMap } from './types.ts';

export interface AssemblyRequest {
  manifest: Manifest;
  /** The folder the manifest's file paths are relative to. */
  baseDir: string;
  outPath: string;
  checklistPath: string;
  /** An imported profile travels with the request; a built-in one may be left to `manifest.profile`. */
  profile?: Profile;
  /** The application's findings, made by the caller from the stored application; the checklist prints them. */
  findings: Finding[];
}

export type Assemble = (input: AssembleInput, options: AssembleOptions) => Promise<AssembleResult>;

/** Assembles the dossier with `assemble`, then writes its checklist from the page map. */
export async function runAssemblyRequest(request: AssemblyRequest, options: AssembleOptions, assemble: Assemble): Promise<PageMap> {
  const profile = request.profile ?? findProfile(request.manifest.profile);
  if (!profile) throw new DossierInputError('unknown-profile', request.manifest.profile);
  const { manifest, baseDir, outPath, checklistPath, findings } = request;
  assertOutputFolder(checklistPath);
  const { pageMap } = await assemble({ manifest, baseDir, outPath, profile }, options);
  await writeChecklist({ manifest, profile, pageMap, findings, outPath: checklistPath });
  return pageMap;
}
