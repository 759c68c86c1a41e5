import { link, copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ApplicationDetail } from '../../../shared/contract/workflow.ts';
import { fenToYuan } from '../../../shared/money.ts';
import type { Manifest, ManifestMaterial } from '../../../shared/manifest.ts';
import type { Profile } from '../../../shared/profiles/index.ts';
import type { FileStore } from '../store/file-store.ts';
import { safeFileName } from '../safety/file-name.ts';
import { splitAnswers } from './checks.ts';

/**
 * Lays the application's stored files out under `inputsDir` with their original names (hard links into the store,
 * so nothing is copied), and writes the manifest the assembler reads — the same one `juanzong assemble` takes, so the
 * window and the command line make the same dossier. Paths in it are relative to `inputsDir`.
 */
export async function stageManifest(
  detail: ApplicationDetail,
  profile: Profile,
  store: FileStore,
  inputsDir: string,
): Promise<Manifest> {
  const materials: ManifestMaterial[] = [];
  for (const [index, material] of profile.materials.entries()) {
    const state = detail.materialStates[material.id];
    if (state?.state === 'not-applicable') {
      materials.push({ id: material.id, notApplicable: true, reason: state.reason });
      continue;
    }
    if (state?.state === 'exempt') {
      materials.push({ id: material.id, exempt: state.reason || '免交' });
      continue;
    }
    const files = detail.attachments
      .filter((a) => a.materialId === material.id)
      .sort((a, b) => a.position - b.position);
    if (files.length === 0) continue;
    const staged = [];
    for (const file of files) {
      const relative = path.join(`${index + 1}`, `${file.position}`, safeFileName(file.originalName));
      await placeFile(store.pathOf(file.sha256), path.join(inputsDir, relative));
      const turned = Object.keys(file.turns).length > 0;
      staged.push(turned || file.keepMarkup ? { path: relative, ...(turned ? { rotate: file.turns } : {}), ...(file.keepMarkup ? { keepMarkup: true } : {}) } : relative);
    }
    materials.push({ id: material.id, files: staged });
  }
  return manifestOf(detail, profile, materials);
}

async function placeFile(source: string, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  // A hard link costs nothing; across volumes (a data folder moved to another disk) fall back to a copy.
  await link(source, target).catch(() => copyFile(source, target));
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
      contact: applicant.contact,
      phone: applicant.phone,
      address: applicant.address,
    },
    options: detail.options,
    materials,
    ...(contract?.serviceFrom && contract.serviceTo
      ? {
          contract: {
            provider: contract.provider,
            providerListed: contract.providerListed ?? false,
            relatedParty: contract.relatedParty ?? false,
            model: contract.model,
            modelFiling: contract.modelFiling,
            serviceFrom: contract.serviceFrom,
            serviceTo: contract.serviceTo,
            ...(contract.signedOn ? { signedOn: contract.signedOn } : {}),
            ...(contract.deployment ? { deployment: contract.deployment } : {}),
            relatedPartyAnswers: answers.relatedParty,
          },
        }
      : {}),
    costs: detail.costs
      .filter((c) => c.paidOn)
      .map((c) => ({ kind: c.kind, amount: fenToYuan(c.amountFen), paidOn: c.paidOn!, note: c.note })),
    conditions: answers.conditions,
  };
}
