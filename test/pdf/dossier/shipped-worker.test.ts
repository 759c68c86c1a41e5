/**
 * The assembly worker the installer ships: `build/build-electron.mjs` bundles it (here into a folder of this test's
 * own), and the core's `AssemblyHost` forks that very file, as the app's main process does with utilityProcess.
 * A real job, a cancel and a refusal go through it; the dossier is read back with poppler and qpdf.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssemblyError, AssemblyHost } from '../../../electron/core/dossier/assembly-host.ts';
import { forkNodeProcess } from '../../../electron/core/dossier/assembly-fork.ts';
import { REPO_ROOT } from '../../fixtures/fixture-cache.ts';
import { manifestOf, run, runStatus } from './helpers.ts';
import { makeInputs, type TestInputs } from './inputs.ts';

let inputs: TestInputs;
let built: string;
let host: AssemblyHost;
let workerEnv: NodeJS.ProcessEnv;
/** Each forked worker's exit, as the host sees it. */
const exits: Promise<number | null>[] = [];
const at = (name: string) => path.join(inputs.dir, name);
const running = (
  onProgress: (done: number, total: number) => void = () => undefined,
  signal = new AbortController().signal,
) => ({ onProgress, signal });

beforeAll(async () => {
  inputs = await makeInputs();
  fs.writeFileSync(at('truncated.pdf'), fs.readFileSync(at(inputs.rotated)).subarray(0, 40));
  // Inside the repository, as in the package: the bundle finds pdf-lib, sharp and qpdf-wasm in node_modules above it.
  built = fs.mkdtempSync(path.join(REPO_ROOT, 'out', 'shipped-worker-test-'));
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'build/build-electron.mjs'), built], { stdio: 'pipe' });
  // What the app's main process sets for the worker (electron/main/index.ts): the font outside the bundle.
  workerEnv = { ...process.env, JUANZONG_FONT: path.join(REPO_ROOT, 'assets/fonts/wqy-microhei.ttc') };
  const fork = (workerPath: string) => {
    const child = forkNodeProcess(workerPath, { env: workerEnv });
    exits.push(new Promise((resolve) => child.onExit(resolve)));
    return child;
  };
  host = new AssemblyHost({ fork, workerPath: path.join(built, 'main', 'assembly-worker.cjs') });
}, 180_000);

afterAll(() => {
  fs.rmSync(inputs.dir, { recursive: true, force: true });
  fs.rmSync(built, { recursive: true, force: true });
});

const leftovers = () => fs.readdirSync(inputs.dir).filter((f) => f.endsWith('.tmp'));

describe('the shipped assembly worker', () => {
  it('is one self-contained file that does not load TypeScript at run time', () => {
    const bundle = fs.readFileSync(path.join(built, 'main', 'assembly-worker.cjs'), 'utf8');
    expect(bundle).not.toMatch(/require\(["']tsx/);
    expect(bundle).not.toMatch(/\.ts["']\)/);
  });

  it('assembles a dossier and its checklist, reporting progress up to the last page', async () => {
    const manifest = manifestOf({
      materials: [
        { id: 'application-form', files: [inputs.form] },
        { id: 'business-license', files: [inputs.photo] },
        { id: 'financial-statements', files: [inputs.rotated, inputs.mixed] },
        { id: 'credit-report', files: [inputs.tiff] },
      ],
    });
    const [outPath, checklistPath] = [at('dossier.pdf'), at('checklist.pdf')];
    // The host's findings travel with the request; the checklist prints them as given.
    const sharedPhone = {
      severity: 'warning' as const,
      code: 'shared-contact',
      subject: 'applicant.phone',
      message: '联系电话与另一家申报单位相同，请核实',
    };
    const seen: [number, number][] = [];
    const pageMap = await host.run(
      { manifest, baseDir: inputs.dir, outPath, checklistPath, findings: [sharedPhone] },
      running((d, t) => seen.push([d, t])),
    );

    expect(seen[0]).toEqual([0, pageMap.pages]);
    expect(seen.at(-1)).toEqual([pageMap.pages, pageMap.pages]);
    expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [outPath]))![1])).toBe(pageMap.pages);
    expect(run('qpdf', ['--show-npages', outPath]).trim()).toBe(String(pageMap.pages));
    expect(runStatus('qpdf', ['--check', outPath]).code).toBe(0);
    const text = run('pdftotext', ['-layout', outPath, '-']);
    for (const label of ['FORM1', 'FORM2', 'ROTA', 'ROTD', 'MIXC']) expect(text).toContain(label);
    expect(pageMap.sections.map((s) => s.id)).toEqual([
      'cover',
      'toc',
      'application-form',
      'business-license',
      'financial-statements',
      'credit-report',
    ]);
    const checklist = run('pdftotext', ['-layout', checklistPath, '-']);
    expect(checklist).toContain('营业执照');
    expect(checklist).toContain('联系电话与另一家申报单位相同');
    expect(leftovers()).toEqual([]);
  });

  it('stops on cancel, writes nothing, and leaves no temporary file', async () => {
    // About 100 pages: the worker is still writing when the cancel reaches it.
    const many = manifestOf({
      materials: [
        { id: 'financial-statements', files: Array.from({ length: 12 }, () => [inputs.rotated, inputs.mixed]).flat() },
      ],
    });
    const abort = new AbortController();
    const outPath = at('cancelled.pdf');
    const progress: number[] = [];
    const onProgress = (done: number) => {
      progress.push(done);
      if (done >= 1) abort.abort();
    };
    const error = await host
      .run({ manifest: many, baseDir: inputs.dir, outPath, findings: [] }, running(onProgress, abort.signal))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssemblyError);
    expect(error).toMatchObject({ code: 'cancelled', message: expect.stringContaining('已取消') });
    expect(progress.at(-1)).toBeLessThan(96);
    expect(fs.existsSync(outPath)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('refuses a damaged PDF, naming the file and the fix, and writes nothing', async () => {
    const manifest = manifestOf({
      materials: [
        { id: 'application-form', files: [inputs.form] },
        { id: 'credit-report', files: ['truncated.pdf'] },
      ],
    });
    const outPath = at('refused.pdf');
    fs.writeFileSync(outPath, 'the previous dossier');
    const error = await host
      .run({ manifest, baseDir: inputs.dir, outPath, findings: [] }, running())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssemblyError);
    expect(error).toMatchObject({ code: 'damaged', file: at('truncated.pdf') });
    expect((error as AssemblyError).message).toContain('truncated.pdf');
    expect((error as AssemblyError).message).toContain('损坏');
    expect(fs.readFileSync(outPath, 'utf8')).toBe('the previous dossier');
    expect(leftovers()).toEqual([]);
  });

  it('has ended every worker it forked', async () => {
    expect(exits.length).toBe(3);
    // Answered or cancelled, each worker is ended by the host (SIGTERM) rather than left running.
    expect(await Promise.all(exits)).toEqual([null, null, null]);
  });

  it('answers through a utilityProcess-style parentPort as well (messages as event.data)', async () => {
    const shim = path.join(REPO_ROOT, 'test/fixtures/utility-process-shim.mjs');
    const env = { ...workerEnv, JUANZONG_TEST_WORKER: path.join(built, 'main', 'assembly-worker.cjs') };
    const utility = new AssemblyHost({ fork: () => forkNodeProcess(shim, { env }), workerPath: shim });
    const manifest = manifestOf({ materials: [{ id: 'application-form', files: [inputs.form] }] });
    const outPath = at('via-parent-port.pdf');
    const pageMap = await utility.run({ manifest, baseDir: inputs.dir, outPath, findings: [] }, running());
    expect(run('qpdf', ['--show-npages', outPath]).trim()).toBe(String(pageMap.pages));
    expect(run('pdftotext', [outPath, '-'])).toContain('FORM2');
  });
});
