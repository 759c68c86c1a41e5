/**
 * Completeness: every material of the profile attached, or left out where the profile allows it, with a reason.
 */
import type { Profile, ProfileMaterial } from '../profiles/schema.ts';
import { error, info, warning } from './findings.ts';
import type { Finding, MaterialState } from './types.ts';

function missingFileFindings(material: ProfileMaterial, state: MaterialState): Finding[] {
  return state.missingFiles.map((path) =>
    error(
      'material-file-missing',
      material.id,
      `“${material.title}”的文件“${path}”找不到。请检查文件是否被移动、改名或删除，然后重新添加。`,
    ),
  );
}

function exemptFindings(material: ProfileMaterial, reason: string): Finding[] {
  const { requirement } = material;
  if (requirement.kind !== 'exemptible') {
    return [error('material-exempt-not-allowed', material.id, `“${material.title}”不能免交，请添加该材料的文件。`)];
  }
  const exemption = requirement.exemptions.find((e) => e.id === reason);
  const why = exemption ? exemption.label : reason;
  return [info('material-exempt', material.id, `“${material.title}”已标为免交（${why}）。请确认符合指南的免交条件。`)];
}

function notApplicableFindings(material: ProfileMaterial, reason: string | undefined): Finding[] {
  const { requirement } = material;
  if (requirement.kind !== 'conditional') {
    return [
      error(
        'material-not-applicable-not-allowed',
        material.id,
        `“${material.title}”是必交材料，不能标为不适用。请添加该材料的文件。`,
      ),
    ];
  }
  if (!reason?.trim()) {
    return [
      error(
        'material-reason-missing',
        material.id,
        `“${material.title}”标为不适用，但没有写原因。请写明原因，例如“项目${negate(requirement.when)}”。`,
      ),
    ];
  }
  return [info('material-not-applicable', material.id, `“${material.title}”标为不适用：${reason.trim()}。`)];
}

function negate(when: string): string {
  return `不${when.replace(/^项目/, '')}`;
}

function missingMessage(material: ProfileMaterial): string {
  const { requirement } = material;
  const base = `缺少“${material.title}”：请添加文件（${material.source}）。`;
  if (requirement.kind === 'exemptible') {
    return `${base}如${requirement.exemptions.map((e) => e.label).join('，或')}，可标为免交。`;
  }
  if (requirement.kind === 'conditional')
    return `“${material.title}”在${requirement.when}时必须提交：请添加文件；如不涉及，请标为不适用并写明原因。`;
  return base;
}

/** A mark wins over files, as in the dossier (`materialStatus`): a marked material's files are left out of it. */
function checkMaterial(material: ProfileMaterial, state: MaterialState | undefined): Finding[] {
  const setAside = state?.setAside;
  if (setAside?.state === 'exempt' && setAside.reason.trim()) return exemptFindings(material, setAside.reason.trim());
  if (setAside?.state === 'not-applicable') return notApplicableFindings(material, setAside.reason);
  if (state && state.missingFiles.length > 0) return missingFileFindings(material, state);
  if (state && state.attachedFiles > 0) return formFindings(material);
  return [error('material-missing', material.id, missingMessage(material))];
}

const FORM_WORDS = {
  original: '原件（不能用复印件）',
  copy: '复印件',
  'verified-copy': '复印件，递交时带原件核对',
} as const;

/** What the paper of a material must be, when the guide says (an original, signed by the legal representative…). */
function formFindings(material: ProfileMaterial): Finding[] {
  const form = material.form;
  if (!form) return [];
  const parts = [`须提交${FORM_WORDS[form.kind]}`];
  if (form.signedBy) parts.push(`由${form.signedBy.join('、')}签字`);
  if (form.copies) parts.push(`一式${form.copies}份`);
  if (form.translationIfForeign) parts.push('外文材料须附中文译本');
  if (form.derivedFrom) parts.push(`按${form.derivedFrom}整理`);
  return [info('material-form', material.id, `“${material.title}”${parts.join('，')}。指南原文：${form.quote}`)];
}

/** Checks every material of the profile against what the clerk attached, and flags materials the profile lacks. */
export function checkMaterials(states: MaterialState[], profile: Profile): Finding[] {
  const byId = new Map(states.map((s) => [s.id, s]));
  const findings = profile.materials.flatMap((m) => checkMaterial(m, byId.get(m.id)));
  const known = new Set(profile.materials.map((m) => m.id));
  const ids = [...known].join('、');
  for (const state of states) {
    if (!known.has(state.id)) {
      findings.push(
        warning(
          'material-unknown',
          state.id,
          `材料“${state.id}”不在本项目的材料清单中。请核对材料编号（可用的编号：${ids}）。`,
        ),
      );
    }
  }
  return findings;
}
