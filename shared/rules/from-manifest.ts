/**
 * Maps a manifest (the `juanzong` JSON file, or a stored application laid out as one) to the `Application` the
 * rules read, and checks it: the one way every findings of the app are made.
 */
import { setAsideInManifest } from '../dossier/material-status.ts';
import { yuanToFen } from '../money.ts';
import type { Manifest, ManifestFile, ManifestMaterial } from '../manifest.ts';
import type { Profile } from '../profiles/schema.ts';
import { checkApplication } from './check-application.ts';
import type { Application, CheckResult, MaterialState, OtherApplicantContact, RecordedIdentity } from './types.ts';

/** What the caller knows beyond the manifest: which files are missing on disk, other applicants' contacts. */
export interface ManifestContext {
  /** File paths, as written in the manifest, that do not exist. */
  missingFiles?: ReadonlySet<string>;
  otherApplicants?: OtherApplicantContact[];
}

/** The path of a manifest file entry, as written. */
export function manifestFilePath(file: ManifestFile): string {
  return typeof file === 'string' ? file : file.path;
}

function materialState(material: ManifestMaterial, missing: ReadonlySet<string>): MaterialState {
  const paths = (material.files ?? []).map(manifestFilePath);
  const setAside = setAsideInManifest(material);
  return {
    id: material.id,
    attachedFiles: paths.length,
    missingFiles: paths.filter((p) => missing.has(p)),
    ...(setAside ? { setAside } : {}),
  };
}

function recordedIdentities(manifest: Manifest): RecordedIdentity[] {
  const recorded: RecordedIdentity[] = manifest.materials
    .filter((m) => m.applicantName !== undefined || m.applicantCreditCode !== undefined)
    .map((m) => ({ subject: m.id, name: m.applicantName, creditCode: m.applicantCreditCode }));
  const c = manifest.contract;
  if (c && (c.customerName !== undefined || c.customerCreditCode !== undefined)) {
    recorded.push({ subject: 'contract.customerName', name: c.customerName, creditCode: c.customerCreditCode });
  }
  return recorded;
}

/**
 * Turns a parsed manifest into an `Application`: money into fen, file lists into counts.
 * @example checkApplication(applicationFromManifest(manifest, { missingFiles }), profile, '2025-10-20')
 */
export function applicationFromManifest(manifest: Manifest, context: ManifestContext = {}): Application {
  const missing = context.missingFiles ?? new Set<string>();
  const { contract } = manifest;
  return {
    profileId: manifest.profile,
    applicant: { ...manifest.applicant },
    materials: manifest.materials.map((m) => materialState(m, missing)),
    ...(contract ? { contract: { ...contract, relatedPartyAnswers: { ...contract.relatedPartyAnswers } } } : {}),
    costs: (manifest.costs ?? []).map((c) => ({ ...c, amountFen: yuanToFen(c.amount) })),
    conditions: { ...manifest.conditions },
    events: { ...manifest.events },
    recordedIdentities: recordedIdentities(manifest),
    otherApplicants: context.otherApplicants ?? [],
  };
}

/**
 * The findings and the voucher of one application, given as a manifest. The window (a stored application laid out
 * as a manifest), `juanzong check`, `juanzong assemble --checklist` and the app's dossier job all call this, so
 * what the clerk reads on screen, on the command line and on the printed checklist is the same list.
 *
 * @param today `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm` on the Asia/Shanghai wall clock.
 * @example checkManifest(manifest, profile, '2025-10-20T10:00', { missingFiles, otherApplicants }).findings
 */
export function checkManifest(
  manifest: Manifest,
  profile: Profile,
  today: string,
  context: ManifestContext = {},
): CheckResult {
  return checkApplication(applicationFromManifest(manifest, context), profile, today);
}
