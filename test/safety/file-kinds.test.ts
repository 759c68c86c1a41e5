/**
 * One table of accepted kinds: the same file gets the same verdict through the command line (`juanzong assemble`)
 * and through the window's attach service (`attachments:add`), refusals with the same words. Fixtures are made by
 * ImageMagick and img2pdf.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/core/cli/main.ts';
import { dispatch } from '../../electron/core/services/dispatch.ts';
import { openServices, type Services } from '../../electron/core/services/index.ts';
import type { Handlers } from '#shared/contract/index.ts';
import { acceptedExtensions, sniffKind } from '#shared/file-kinds.ts';
import { runTool } from '../fixtures/run-tool.ts';
import { ensureApplication } from '../crash/children/seed.ts';
import { sampleManifest } from '../unit/rules/sample.ts';

let dir: string;
let s: Services;
let applicationId: number;

/** name → [how it is made, whether the dossier takes it]. */
const files: [string, (at: string) => void, boolean][] = [
  ['扫描件.jpg', (at) => runTool('convert', ['-size', '120x90', 'gradient:#3366cc-#ffffff', at]), true],
  ['扫描件.png', (at) => runTool('convert', ['-size', '120x90', 'gradient:#cc3366-#ffffff', at]), true],
  ['扫描件.tif', (at) => runTool('convert', ['-size', '120x90', 'xc:#33cc66', at]), true],
  ['扫描件.webp', (at) => runTool('convert', ['-size', '120x90', 'xc:#663399', at]), true],
  ['动图.gif', (at) => runTool('convert', ['-size', '120x90', 'xc:#996633', at]), true],
  ['手机照片.avif', (at) => runTool('convert', ['-size', '120x90', 'xc:#339966', at]), true],
  ['苹果照片.heic', (at) => runTool('convert', ['-size', '120x90', 'xc:#cc9933', at]), false],
  ['执照.pdf', (at) => runTool('img2pdf', ['--output', at, path.join(dir, '扫描件.jpg')]), true],
  // A photo of its own (the window refuses the same content twice in one material), saved under a .pdf name.
  ['其实是照片.pdf', (at) => runTool('convert', ['-size', '120x90', 'gradient:#993366-#ffffff', `jpg:${at}`]), true],
  ['说明.txt', (at) => writeFileSync(at, '这不是 PDF'), false],
  ['空.pdf', (at) => writeFileSync(at, ''), false],
  // Not a PDF by its first KiB, but named one: qpdf judges it (here: damaged) on both paths.
  [
    '头部太靠后.pdf',
    (at) => writeFileSync(at, Buffer.concat([Buffer.alloc(2048, 0x20), readFileSync(path.join(dir, '执照.pdf'))])),
    false,
  ],
];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'juanzong-kinds-'));
  for (const [name, make] of files) make(path.join(dir, name));
  s = await openServices({ dataDir: path.join(dir, 'data') });
  applicationId = await ensureApplication(s);
}, 60_000);
afterAll(() => {
  s.close();
  rmSync(dir, { recursive: true, force: true });
});

async function throughCli(name: string): Promise<{ ok: boolean; said: string }> {
  const manifest = sampleManifest();
  manifest.materials = [{ id: 'business-license', files: [name] }];
  const manifestPath = path.join(dir, `${name}.manifest.json`);
  writeFileSync(manifestPath, JSON.stringify(manifest));
  let said = '';
  const io = { stdout: () => undefined, stderr: (text: string) => void (said += text) };
  const code = await runCli(
    ['--data', path.join(dir, 'data'), 'assemble', manifestPath, '--out', path.join(dir, `${name}.out.pdf`)],
    io,
  );
  return { ok: code === 0, said };
}

async function throughWindow(name: string): Promise<{ ok: boolean; said: string }> {
  const bytes = new Uint8Array(readFileSync(path.join(dir, name)));
  const input = { applicationId, materialId: 'business-license', fileName: name, bytes };
  const result = await dispatch(s.handlers as Handlers, 'attachments:add', input);
  return { ok: result.ok, said: result.ok ? '' : result.error.message };
}

describe('one table of accepted kinds', () => {
  it.each(files.map(([name, , accepted]) => [name, accepted] as const))(
    '%s: the same verdict on the command line and in the window',
    async (name, accepted) => {
      const [cli, window] = [await throughCli(name), await throughWindow(name)];
      expect({ cli: cli.ok, window: window.ok }).toEqual({ cli: accepted, window: accepted });
      if (!accepted) {
        expect(window.said).toContain(name);
        // The words, without a tool's detail in brackets (which names the stored copy in the window).
        const gist = (said: string) => said.replace(/（[^）]*）/g, '');
        expect(gist(cli.said)).toContain(gist(window.said));
      }
    },
  );

  it('tells AVIF from HEIC, and says how to convert a HEIC', async () => {
    const avif = readFileSync(path.join(dir, '手机照片.avif'));
    const heic = readFileSync(path.join(dir, '苹果照片.heic'));
    expect([sniffKind(avif), sniffKind(heic)]).toEqual(['avif', 'heic']);
    const refused = await throughWindow('苹果照片.heic');
    expect(refused.said).toMatch(/HEIC.*JPEG/);
  });

  it('offers in the open dialog exactly the extensions of the kinds it takes', () => {
    const taken = files.filter(([, , accepted]) => accepted).map(([name]) => path.extname(name).slice(1));
    for (const ext of taken) expect(acceptedExtensions).toContain(ext);
    expect(acceptedExtensions).not.toContain('heic');
    expect(acceptedExtensions).not.toContain('txt');
  });
});
