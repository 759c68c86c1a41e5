/**
 * What the engine refuses and how it stops: a named error, nothing written at the output path (an old file there
 * is left as it was), no temporary files; cancelling; the worker thread; inspecting a file on attach.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleDossier, DossierInputError, inspectInput } from '../../../electron/core/dossier/index.ts';
import { manifestOf, run } from './helpers.ts';
import { makeInputs, type TestInputs } from './inputs.ts';

let inputs: TestInputs;
const at = (name: string) => path.join(inputs.dir, name);

beforeAll(async () => {
  inputs = await makeInputs();
  run('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', at(inputs.rotated), at('locked.pdf')]);
  run('convert', ['-size', '64x48', 'xc:red', at('photo.heic')]);
  fs.writeFileSync(at('empty.pdf'), '');
  fs.writeFileSync(at('notes.txt'), '这不是 PDF');
  const whole = fs.readFileSync(at(inputs.rotated));
  fs.writeFileSync(at('truncated.pdf'), whole.subarray(0, 40));
}, 120_000);

afterAll(() => fs.rmSync(inputs.dir, { recursive: true, force: true }));

function withFile(file: string) {
  return manifestOf({
    materials: [
      { id: 'application-form', files: [inputs.form] },
      { id: 'credit-report', files: [file] },
    ],
  });
}

async function refusal(file: string): Promise<DossierInputError> {
  const out = at('old-dossier.pdf');
  fs.writeFileSync(out, 'the previous dossier');
  const error = await assembleDossier({ manifest: withFile(file), baseDir: inputs.dir, outPath: out }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DossierInputError);
  expect(fs.readFileSync(out, 'utf8')).toBe('the previous dossier');
  expect(fs.readdirSync(inputs.dir).filter((f) => f.endsWith('.juanzong-part'))).toEqual([]);
  return error as DossierInputError;
}

describe('assembleDossier refuses what it cannot take, naming the file and the fix', () => {
  it.each([
    ['locked.pdf', 'needs-password', '密码'],
    ['photo.heic', 'file-heic', 'JPEG'],
    ['empty.pdf', 'file-empty', '空'],
    ['notes.txt', 'file-kind', 'PDF'],
    ['truncated.pdf', 'damaged', '损坏'],
    ['missing.pdf', 'file-missing', '找不到'],
  ])('%s → %s', async (file, code, words) => {
    const error = await refusal(file);
    expect(error.code).toBe(code);
    expect(error.file).toBe(at(file));
    expect(error.message).toContain(file);
    expect(error.message).toContain(words);
  });

  it('refuses a material id the profile does not know', async () => {
    const manifest = manifestOf({ materials: [{ id: 'application-from', files: [inputs.form] }] });
    const error = await assembleDossier({ manifest, baseDir: inputs.dir, outPath: at('x.pdf') }).catch(
      (e: unknown) => e,
    );
    expect((error as DossierInputError).code).toBe('unknown-material');
    expect(fs.existsSync(at('x.pdf'))).toBe(false);
  });
});

// The assembly worker (its progress, refusals and cancel across the process boundary): test/pdf/dossier/shipped-worker.test.ts.
describe('cancelling', () => {
  const manifest = () =>
    manifestOf({
      materials: [
        { id: 'application-form', files: [inputs.form] },
        { id: 'financial-statements', files: [inputs.rotated, inputs.mixed] },
      ],
    });

  it('stops when the signal fires, writing nothing', async () => {
    const controller = new AbortController();
    const out = at('cancelled.pdf');
    const error = await assembleDossier(
      { manifest: manifest(), baseDir: inputs.dir, outPath: out },
      { signal: controller.signal, onProgress: (done) => done >= 2 && controller.abort() },
    ).catch((e: unknown) => e);
    expect((error as DossierInputError).code).toBe('cancelled');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(inputs.dir).filter((f) => f.endsWith('.juanzong-part'))).toEqual([]);
  });
});

describe('inspectInput', () => {
  it('reports kind, pages and sizes as shown', async () => {
    const form = await inspectInput(at(inputs.form));
    expect(form).toMatchObject({ kind: 'pdf', pages: 2, encrypted: true });
    const rotated = await inspectInput(at(inputs.rotated));
    expect(rotated.shown.map((s) => s.width > s.height)).toEqual([false, true, false, true]);
    expect(await inspectInput(at(inputs.tiff))).toMatchObject({ kind: 'image', format: 'tiff', pages: 3 });
    const photo = await inspectInput(at(inputs.photo));
    expect(photo.shown[0]).toMatchObject({ width: 300, height: 400 });
  });

  it('refuses a locked PDF at once', async () => {
    await expect(inspectInput(at('locked.pdf'))).rejects.toMatchObject({ code: 'needs-password' });
  });
});
