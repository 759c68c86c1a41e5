/**
 * The findings of a manifest on the command line: `check` prints them, `assemble --checklist` prints the same list
 * on the checklist. Both give the rules what only the command line can know: which listed files are missing, and
 * the contacts of the other applicants in the data folder (the guide's note 2).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Manifest } from '#shared/manifest.ts';
import type { Profile } from '#shared/profiles/index.ts';
import { checkManifest, manifestFilePath, type CheckResult, type OtherApplicantContact } from '#shared/rules/index.ts';
import { databaseFileName, openServicesToRead } from '../services/index.ts';

function missingFiles(manifest: Manifest, baseDir: string): Set<string> {
  const paths = manifest.materials.flatMap((m) => (m.files ?? []).map(manifestFilePath));
  return new Set(paths.filter((p) => !existsSync(isAbsolute(p) ? p : resolve(baseDir, p))));
}

/**
 * Contact persons and phones of the applications of `year` in the local records. A data folder without a
 * database has no records: nothing is created just to look.
 */
async function recordedContacts(dataDir: string, year: number): Promise<OtherApplicantContact[]> {
  if (!existsSync(join(dataDir, databaseFileName))) return [];
  const services = await openServicesToRead({ dataDir, owner: { role: 'cli', task: 'juanzong check' } });
  try {
    const applicants = new Map((await services.handlers['applicants:list']({})).map((a) => [a.id, a]));
    const applications = await services.handlers['applications:list']({});
    return applications.flatMap((a) => {
      const p = applicants.get(a.applicantId);
      return a.year === year && p
        ? [{ name: p.name, creditCode: p.creditCode, contact: p.contact, phone: p.phone, year }]
        : [];
    });
  } finally {
    services.close();
  }
}

/** Checks a manifest read from `baseDir` against `profile`, with the data folder's records of other applicants. */
export async function checkManifestFile(
  manifest: Manifest,
  profile: Profile,
  paths: { baseDir: string; dataDir: string },
  today: string,
): Promise<CheckResult> {
  return checkManifest(manifest, profile, today, {
    missingFiles: missingFiles(manifest, paths.baseDir),
    otherApplicants: await recordedContacts(paths.dataDir, profile.year),
  });
}
