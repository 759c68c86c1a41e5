/**
 * Form fields as printed: every value drawn with the dossier's own font whatever the source relied on, a field
 * that cannot be drawn refused by name, and every dossier a valid PDF (`qpdf --check`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentFixtures, type ContentFixtures } from '../../fixtures/content-fixtures.ts';
import { scratchDir } from '../../fixtures/fixture-cache.ts';
import { pageText } from '../dossier/helpers.ts';
import { assembleOne, qpdfCheck } from './helpers.ts';

let fx: ContentFixtures;
let dir: string;

beforeAll(() => {
  fx = contentFixtures();
  dir = scratchDir('content-forms');
  for (const f of fs.readdirSync(fx.dir)) fs.copyFileSync(path.join(fx.dir, f), path.join(dir, f));
}, 120_000);

describe('forms with /DR fonts', () => {
  it('writes each font once in the appearances it draws: qpdf --check exits 0', async () => {
    const { out, first } = await assembleOne(dir, 'dr-form-out.pdf', 'application-form', ['dr-form.pdf']);
    expect(qpdfCheck(out)).toEqual({ code: 0, output: expect.stringContaining('No syntax or stream encoding errors') });
    expect(pageText(out, first)).toContain('ACMEVALUE');
  });
});
