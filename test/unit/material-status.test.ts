import { describe, expect, it } from 'vitest';
import type { PageMap } from '#shared/contract/workflow.ts';
import {
  materialStatus,
  materialStatusLabels,
  pageRange,
  pagesText,
  sealRuleText,
  sealsText,
  setAsideInManifest,
  statusWithReason,
} from '#shared/dossier/material-status.ts';
import { sealPlan } from '#shared/dossier/seal-plan.ts';
import { manifest as manifestSchema } from '#shared/manifest.ts';
import { applicationFromManifest } from '#shared/rules/index.ts';
import { sampleManifest } from './rules/sample.ts';

const map: PageMap = {
  pages: 6,
  sections: [
    { id: 'cover', title: '封面', firstPage: 1, lastPage: 1, firstNumber: 1, lastNumber: 1 },
    { id: 'toc', title: '目录', firstPage: 3, lastPage: 3, firstNumber: 2, lastNumber: 2 },
    { id: 'service-contract', title: '服务合同', firstPage: 4, lastPage: 6, firstNumber: 3, lastNumber: 5 },
  ],
  blankPages: [2],
  warnings: [],
  notices: [],
};

describe('a material’s status', () => {
  it('has one label per state, spelled as the database stores it', () => {
    expect(materialStatusLabels).toEqual({
      included: '已附',
      exempt: '免于提交',
      'not-applicable': '不适用',
      missing: '未提供',
    });
  });

  it('lets a mark win over files, and counts files otherwise', () => {
    expect(materialStatus({ state: 'not-applicable', reason: '不涉及' }, 2)).toBe('not-applicable');
    expect(materialStatus({ state: 'exempt', reason: '已关联电子证照' }, 0)).toBe('exempt');
    expect(materialStatus(undefined, 1)).toBe('included');
    expect(materialStatus(undefined, 0)).toBe('missing');
  });

  it('reads a manifest’s marks into the same states the window stores', () => {
    expect(setAsideInManifest({ id: 'x', notApplicable: true, reason: '不涉及' })).toEqual({
      state: 'not-applicable',
      reason: '不涉及',
    });
    expect(setAsideInManifest({ id: 'x', exempt: 'e-licence' })).toEqual({ state: 'exempt', reason: 'e-licence' });
    expect(setAsideInManifest({ id: 'x', files: ['a.pdf'] })).toBeUndefined();
    const rules = applicationFromManifest(manifestSchema.parse(sampleManifest()));
    expect(rules.materials.find((m) => m.id === 'ethics-materials')?.setAside?.state).toBe('not-applicable');
  });

  it('writes a status with its reason, or the bare label', () => {
    expect(statusWithReason('not-applicable', ' 不涉及 ')).toBe('不适用：不涉及');
    expect(statusWithReason('missing', undefined)).toBe('未提供');
  });
});

describe('page ranges and seals, one wording', () => {
  it('writes a single page as one number and a run with an en dash', () => {
    expect(pageRange(3, 3)).toBe('3');
    expect(pageRange(3, 5)).toBe('3–5');
    expect(pagesText(3, 5)).toBe('第 3–5 页');
  });

  it('says what the profile asks to be stamped', () => {
    expect(sealRuleText({ official: true, crossPageWhenMultiPage: true })).toBe('加盖申报单位公章，多页的加盖骑缝章');
    expect(sealRuleText({ official: false, crossPageWhenMultiPage: false })).toBe('无需盖章');
  });

  it('says what to stamp on a part of the dossier from its seal-plan row', () => {
    const rows = sealPlan(
      map,
      { duplex: true },
      { 'service-contract': { official: true, crossPageWhenMultiPage: true } },
    );
    expect(sealsText(rows.find((r) => r.id === 'service-contract')!)).toBe('第 3 页盖公章，加盖骑缝章');
    expect(sealsText(rows.find((r) => r.id === 'cover')!)).toBe('第 1 页盖公章');
    expect(sealsText(rows.find((r) => r.id === 'toc')!)).toBe('无需盖章');
  });
});
