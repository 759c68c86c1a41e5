import { link, copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type {
  ApplicationDetail,
  ApplicationFacts,
  AttachmentWithTurns,
  ContractDraft,
} from '#shared/contract/workflow.ts';
import { fenToYuan } from '#shared/money.ts';
import type { Manifest, ManifestContract, ManifestFile, ManifestMaterial, ManifestPages } from '#shared/manifest.ts';
import type { Profile } from '#shared/profiles/index.ts';
import type { Answer } from '#shared/rules/index.ts';
import type { FileStore } from '../store/file-store.ts';
import { safeFileName } from '../safety/file-name.ts';
import { fixesOffAsPages } from './pages.ts';

/** The clerk's answers, split into the eligibility conditions and the contract's related-party questions. */
export function splitAnswers(answers: Record<string, Answer>, profile: Profile) {
  const relatedIds = new Set(profile.agreements.flatMap((a) => a.relatedPartyQuestions.map((q) => q.id)));
  const pick = (related: boolean) =>
    Object.fromEntries(Object.entries(answers).filter(([id]) => relatedIds.has(id) === related));
  return { conditions: pick(false), relatedParty: pick(true) };
}

export interface StagedFile {
  sha256: string;
  /** Relative to the staging folder, as the manifest names it. */
  path: string;
}

interface MaterialEntry {
  material: ManifestMaterial;
  known: boolean;
  files: StagedFile[];
}

/**
 * The clerk's leave-out choices, the fixes turned off and the page order as the manifest's `pages` (`skip` and
 * `keep` lists, `crop: "none"`, `order` …), or undefined when none.
 */
function pageChoices(file: AttachmentWithTurns): ManifestPages | undefined {
  const pagesWith = (decision: 'skip' | 'keep') =>
    Object.entries(file.decisions)
      .filter(([, d]) => d === decision)
      .map(([page]) => Number(page));
  const [skip, keep] = [pagesWith('skip'), pagesWith('keep')];
  const order = file.pageOrder;
  if (skip.length === 0 && keep.length === 0 && file.fixesOff.length === 0 && !order) return undefined;
  return {
    ...(skip.length ? { skip } : {}),
    ...(keep.length ? { keep } : {}),
    ...fixesOffAsPages(file.fixesOff),
    ...(order ? { order } : {}),
  };
}

function manifestFile(file: AttachmentWithTurns, relative: string): ManifestFile {
  const turned = Object.keys(file.turns).length > 0;
  const pages = pageChoices(file);
  if (!turned && !file.keepMarkup && !pages) return relative;
  return {
    path: relative,
    ...(turned ? { rotate: file.turns } : {}),
    ...(pages ? { pages } : {}),
    ...(file.keepMarkup ? { keepMarkup: true } : {}),
  };
}

/**
 * One material as stored: marked exempt or not applicable (its files, if any, stay out of the dossier), or its
 * files in binding order under `<n>/<position>/<name>`; `undefined` when the clerk has done nothing with it yet.
 */
function materialEntry(
  detail: ApplicationDetail,
  id: string,
  folder: number,
  known: boolean,
): MaterialEntry | undefined {
  const state = detail.materialStates[id];
  if (state?.state === 'not-applicable')
    return { material: { id, notApplicable: true, reason: state.reason }, known, files: [] };
  if (state?.state === 'exempt') return { material: { id, exempt: state.reason || '免交' }, known, files: [] };
  const attached = detail.attachments.filter((a) => a.materialId === id).sort((a, b) => a.position - b.position);
  if (attached.length === 0) return undefined;
  const paths = attached.map((a) => path.join(`${folder}`, `${a.position}`, safeFileName(a.originalName)));
  return {
    material: { id, files: attached.map((a, i) => manifestFile(a, paths[i]!)) },
    known,
    files: attached.map((a, i) => ({ sha256: a.sha256, path: paths[i]! })),
  };
}

/** Every material in the profile's order; those the profile does not know come last, so the check can name them. */
function materialEntries(detail: ApplicationDetail, profile: Profile): MaterialEntry[] {
  const known = profile.materials.map((m) => m.id);
  const stored = [...detail.attachments.map((a) => a.materialId), ...Object.keys(detail.materialStates)];
  const unknown = [...new Set(stored.filter((id) => !known.includes(id)))];
  return [...known, ...unknown].flatMap(
    (id, index) => materialEntry(detail, id, index + 1, index < known.length) ?? [],
  );
}

/** The contract as entered so far: an unanswered question or an empty date stays out, never turned into an answer. */
function contractOf(draft: ContractDraft, relatedPartyAnswers: Record<string, Answer>): ManifestContract {
  return {
    provider: draft.provider,
    providerListed: draft.providerListed ?? undefined,
    relatedParty: draft.relatedParty ?? undefined,
    model: draft.model,
    modelFiling: draft.modelFiling,
    signedOn: draft.signedOn ?? undefined,
    serviceFrom: draft.serviceFrom ?? undefined,
    serviceTo: draft.serviceTo ?? undefined,
    deployment: draft.deployment ?? undefined,
    relatedPartyAnswers,
  };
}

function manifestOf(detail: ApplicationDetail, profile: Profile, materials: ManifestMaterial[]): Manifest {
  const { applicant, contract } = detail;
  const answers = splitAnswers(detail.answers, profile);
  return {
    profile: profile.id,
    applicant: {
      name: applicant.name,
      creditCode: applicant.creditCode,
      kind: applicant.kind,
      registeredIn: applicant.registeredIn,
      ...(applicant.established ? { established: applicant.established } : {}),
      ...(hasFigures(detail.facts) ? { facts: figuresOf(detail.facts) } : {}),
      contact: applicant.contact,
      phone: applicant.phone,
      address: applicant.address,
    },
    options: detail.options,
    materials,
    ...(contract ? { contract: contractOf(contract, answers.relatedParty) } : {}),
    costs: detail.costs.map((c) => ({
      kind: c.kind,
      amount: fenToYuan(c.amountFen),
      paidOn: c.paidOn ?? undefined,
      note: c.note,
    })),
    conditions: answers.conditions,
    ...(detail.facts.events ? { events: detail.facts.events } : {}),
  };
}

function figuresOf({ revenueYuan, employees, shares }: ApplicationFacts): NonNullable<Manifest['applicant']['facts']> {
  return {
    ...(revenueYuan === undefined ? {} : { revenueYuan }),
    ...(employees === undefined ? {} : { employees }),
    ...(shares ? { shares } : {}),
  };
}

const hasFigures = (facts: ApplicationFacts) => Object.keys(figuresOf(facts)).length > 0;

/**
 * The stored application as a manifest, the shape `juanzong check` reads: what the window checks, what the dossier
 * job checks and assembles. File paths are where `stageManifest` lays the files out.
 */
export function manifestOfDetail(detail: ApplicationDetail, profile: Profile): Manifest {
  return manifestOf(
    detail,
    profile,
    materialEntries(detail, profile).map((e) => e.material),
  );
}

/**
 * Lays the application's stored files out under `inputsDir` with their original names (hard links into the store,
 * so nothing is copied), and answers the manifest the assembler reads — the same one `juanzong assemble` takes, so
 * the window and the command line make the same dossier. Paths in it are relative to `inputsDir`.
 */
export async function stageManifest(
  detail: ApplicationDetail,
  profile: Profile,
  store: FileStore,
  inputsDir: string,
): Promise<Manifest> {
  const entries = materialEntries(detail, profile).filter((e) => e.known);
  for (const file of entries.flatMap((e) => e.files))
    await placeFile(store.pathOf(file.sha256), path.join(inputsDir, file.path));
  return manifestOf(
    detail,
    profile,
    entries.map((e) => e.material),
  );
}

/** The files `stageManifest` lays out: each one's content hash and its path as the manifest names it. */
export function stagedFiles(detail: ApplicationDetail, profile: Profile): StagedFile[] {
  return materialEntries(detail, profile)
    .filter((e) => e.known)
    .flatMap((e) => e.files);
}

async function placeFile(source: string, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  // A hard link costs nothing; across volumes (a data folder moved to another disk) fall back to a copy.
  await link(source, target).catch(() => copyFile(source, target));
}
