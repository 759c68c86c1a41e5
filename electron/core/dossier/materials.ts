/** The manifest's materials put in the profile's order, with their files resolved against the manifest's folder. */
import path from 'node:path';
import { materialStatus, setAsideInManifest } from '#shared/dossier/material-status.ts';
import type { Manifest, ManifestFile, ManifestPages } from '#shared/manifest.ts';
import type { Profile } from '#shared/profiles/index.ts';
import { DossierInputError } from './errors.ts';
import type { MaterialStatus, QuarterTurn } from './types.ts';

export interface ResolvedFile {
  /** As written in the manifest. */
  name: string;
  /** Absolute path. */
  path: string;
  /** Clockwise turns by page index (0-based). */
  turns: Map<number, QuarterTurn>;
  /** Print the file's review markup. */
  keepMarkup: boolean;
  /** The clerk's choices for single pages (skip, keep, rotate, crop, split …). */
  pages?: ManifestPages;
}

export interface ResolvedMaterial {
  id: string;
  title: string;
  status: MaterialStatus;
  reason?: string;
  files: ResolvedFile[];
  seal: { official: boolean; crossPageWhenMultiPage: boolean };
  /** The profile asks for an electronic copy of this material as well. */
  electronicCopy: boolean;
}

function resolveFile(file: ManifestFile, baseDir: string): ResolvedFile {
  const name = typeof file === 'string' ? file : file.path;
  const turns = new Map<number, QuarterTurn>();
  if (typeof file !== 'string' && file.rotate) {
    for (const [page, turn] of Object.entries(file.rotate)) turns.set(Number(page) - 1, turn as QuarterTurn);
  }
  const pages = typeof file === 'string' ? undefined : file.pages;
  const keepMarkup = typeof file !== 'string' && file.keepMarkup === true;
  return { name, path: path.resolve(baseDir, name), turns, keepMarkup, ...(pages ? { pages } : {}) };
}

/**
 * Every material of the profile, in its order, with what the manifest says of it. A manifest material the
 * profile does not know is refused (a typo would otherwise drop it from the dossier silently).
 */
export function resolveMaterials(manifest: Manifest, profile: Profile, baseDir: string): ResolvedMaterial[] {
  const known = new Set(profile.materials.map((m) => m.id));
  const unknown = manifest.materials.find((m) => !known.has(m.id));
  if (unknown) throw new DossierInputError('unknown-material', unknown.id);
  return profile.materials.map((pm) => {
    const m = manifest.materials.find((x) => x.id === pm.id);
    const files = (m?.files ?? []).map((f) => resolveFile(f, baseDir));
    const setAside = setAsideInManifest(m);
    const status = materialStatus(setAside, files.length);
    const reason = setAside?.reason;
    return {
      id: pm.id,
      title: pm.title,
      status,
      ...(reason ? { reason } : {}),
      files: status === 'included' ? files : [],
      seal: pm.seal,
      electronicCopy: pm.electronicCopy === true,
    };
  });
}
