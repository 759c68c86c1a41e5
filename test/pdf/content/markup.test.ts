/**
 * Review markup left out by default (and kept on the clerk's switch), what paper cannot carry left out with no
 * icon, and each drop said in a notice for the material's card.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../../../electron/core/dossier/index.ts';
import { findProfile, type Profile } from '#shared/profiles/index.ts';
import { emptyFontConfig, pageText } from '../dossier/helpers.ts';
import { assembleOne, contentScratch, colouredPixels, qpdfCheck, renderRgb } from './helpers.ts';

let dir: string;

beforeAll(() => {
  ({ dir } = contentScratch('content-markup'));
}, 120_000);

describe('review markup', () => {
  it('is left out by default: no red mark, no TODO; the stamp and the filled field stay; the notice counts 8', async () => {
    expect(colouredPixels(renderRgb(path.join(dir, 'reviewed.pdf'), 1, 40, process.env))).toBeGreaterThan(500);
    const { out, first, pageMap } = await assembleOne(dir, 'reviewed-out.pdf', 'financial-statements', [
      'reviewed.pdf',
    ]);
    expect(qpdfCheck(out).code).toBe(0);
    expect(colouredPixels(renderRgb(out, first, 40, emptyFontConfig(dir)))).toBe(0);
    const text = pageText(out, first);
    expect(text).not.toContain('TODO');
    expect(text).toContain('APPROVEDMARK');
    expect(text).toContain('KEEPFIELD');
    expect(pageMap.notices).toEqual([
      expect.objectContaining({
        materialId: 'financial-statements',
        file: 'reviewed.pdf',
        code: 'markup-removed',
        count: 8,
        message: expect.stringContaining('已去掉 8 处批注'),
      }),
    ]);
    const inspected = await inspectInput(path.join(dir, 'reviewed.pdf'));
    expect(inspected.notices).toEqual([expect.objectContaining({ code: 'markup-removed', count: 8 })]);
  });

  it('is printed when the clerk keeps it for that file', async () => {
    const { out, first, pageMap } = await assembleOne(dir, 'kept-out.pdf', 'financial-statements', [
      { path: 'reviewed.pdf', keepMarkup: true },
    ]);
    expect(colouredPixels(renderRgb(out, first, 40, emptyFontConfig(dir)))).toBeGreaterThan(500);
    expect(pageText(out, first)).toContain('TODO');
    expect(pageMap.notices).toEqual([
      expect.objectContaining({ code: 'markup-kept', count: 8, message: expect.stringContaining('保留了 8 处批注') }),
    ]);
  });
});

describe('what paper cannot carry', () => {
  it('leaves out the attachments, their paperclip and the link box, and says so', async () => {
    expect(colouredPixels(renderRgb(path.join(dir, 'attachments.pdf'), 1, 40, process.env), 1)).toBeGreaterThan(50);
    const { out, first, pageMap } = await assembleOne(dir, 'attach-out.pdf', 'service-contract', ['attachments.pdf']);
    expect(qpdfCheck(out).code).toBe(0);
    expect(colouredPixels(renderRgb(out, first, 40, emptyFontConfig(dir)), 1)).toBe(0);
    expect(pageText(out, first)).toContain('ATTACHNOTE');
    const codes = pageMap.notices.map((n) => n.code);
    expect(codes).toEqual(['attachments-left-out', 'links-left-out', 'scripts-left-out']);
    const attached = pageMap.notices[0]!;
    expect(attached.message).toContain('2 个电子附件（明细.xlsx、合同.docx）不在纸质版中');
    expect(attached.message).not.toContain('电子版');
  });

  it('leaves out the signature; tells the clerk to hand in the signed file only where the profile asks for it', async () => {
    const { out, first, pageMap } = await assembleOne(dir, 'signed-out.pdf', 'credit-report', ['signed.pdf']);
    expect(qpdfCheck(out).code).toBe(0);
    expect(colouredPixels(renderRgb(out, first, 40, emptyFontConfig(dir)), 1)).toBe(0);
    expect(pageText(out, first)).not.toContain('SIGNEDBY');
    expect(pageMap.notices).toEqual([expect.objectContaining({ code: 'signatures-left-out', count: 1 })]);
    expect(pageMap.notices[0]!.message).not.toContain('另行提交电子版');

    const base = findProfile('sz-model-voucher-2025')!;
    const profile: Profile = {
      ...base,
      materials: base.materials.map((m) => (m.id === 'credit-report' ? { ...m, electronicCopy: true } : m)),
    };
    const asked = await assembleOne(dir, 'signed-asked.pdf', 'credit-report', ['signed.pdf'], profile);
    expect(asked.pageMap.notices[0]!.message).toContain('签名版深圳信用网完整版信用报告请另行提交电子版');
  });
});
