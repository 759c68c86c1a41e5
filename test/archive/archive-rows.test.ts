/**
 * An archive's rows pass the same schemas and limits as the API, and its files the same checks as an attached
 * file: archives edited by hand (fflate, outside Juanzong) with an over-long name, options that do not parse,
 * hidden characters, a HEIC photo or a path for a name are refused by name, or cleaned as attaching cleans them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportArchive } from '../../electron/core/archive/export-archive.ts';
import { importArchive } from '../../electron/core/archive/import-archive.ts';
import { dispatch } from '../../electron/core/services/dispatch.ts';
import { openServices, type Services } from '../../electron/core/services/index.ts';
import type { Handlers } from '#shared/contract/index.ts';
import { runTool } from '../fixtures/run-tool.ts';
import { call, ensureApplication, randomPdfBytes } from '../crash/children/seed.ts';

type Manifest = Record<string, unknown> & {
  applicant: Record<string, unknown>;
  application: Record<string, unknown>;
  attachments: Record<string, unknown>[];
};

let root: string;
let source: Services;
let original: Zippable;
let n = 0;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'juanzong-archive-rows-'));
  source = await openServices({ dataDir: path.join(root, 'source') });
  const applicationId = await ensureApplication(source);
  await call(source, 'attachments:add', {
    applicationId,
    materialId: 'business-license',
    fileName: '执照.pdf',
    bytes: randomPdfBytes(3000),
  });
  await exportArchive(source, applicationId, path.join(root, 'app.juanzong'));
  original = unzipSync(readFileSync(path.join(root, 'app.juanzong')));
}, 60_000);
afterAll(() => {
  source.close();
  rmSync(root, { recursive: true, force: true });
});

/** The exported archive with its manifest (and files) changed by `edit`; imported into a fresh data folder. */
async function importEdited(edit: (m: Manifest, files: Zippable) => void): Promise<{ s: Services; outcome: unknown }> {
  const files: Zippable = { ...original };
  const manifest = JSON.parse(strFromU8(files['juanzong-archive.json'] as Uint8Array)) as Manifest;
  edit(manifest, files);
  files['juanzong-archive.json'] = strToU8(JSON.stringify(manifest));
  n += 1;
  const archive = path.join(root, `edited-${n}.juanzong`);
  writeFileSync(archive, zipSync(files, { level: 6 }));
  const s = await openServices({ dataDir: path.join(root, `target-${n}`) });
  const outcome = await importArchive(s, archive).catch((error: unknown) => error);
  return { s, outcome };
}

async function refused(edit: (m: Manifest, files: Zippable) => void, code: string, words: RegExp): Promise<void> {
  const { s, outcome } = await importEdited(edit);
  expect(outcome).toMatchObject({ code, message: expect.stringMatching(words) });
  expect(await call(s, 'applications:list', {})).toEqual([]);
  expect(await call(s, 'applicants:list', {})).toEqual([]);
  s.close();
}

describe('archive rows pass the API’s schemas', () => {
  it('refuses a page decision other than leaving out or keeping, naming it', () =>
    refused(
      (m) => (m.pageDecisions = [{ attachment_id: m.attachments[0]!.id as number, page: 1, decision: 'drop' }]),
      'archive-invalid-data',
      /第 1 个页面取舍的「decision」不符合要求/,
    ));

  it('refuses an automatic fix the window does not know, naming it', () =>
    refused(
      (m) => (m.fileFixesOff = [{ attachment_id: m.attachments[0]!.id as number, fix: 'blur' }]),
      'archive-invalid-data',
      /第 1 个关闭的自动修正的「fix」不符合要求/,
    ));

  it('refuses an applicant name over 200 characters', () =>
    refused((m) => (m.applicant.name = '深'.repeat(201)), 'archive-invalid-data', /申报单位.*name.*200/));

  it('refuses dossier options that are not JSON, or not options', async () => {
    await refused(
      (m) => (m.application.dossier_options = '{not json'),
      'archive-invalid-data',
      /卷宗选项不是有效的 JSON/,
    );
    await refused(
      (m) => (m.application.dossier_options = '{"duplex":"yes"}'),
      'archive-invalid-data',
      /卷宗选项.*duplex/,
    );
  });

  it('refuses a name with a direction override and a credit code with a zero-width space', async () => {
    await refused(
      (m) => (m.applicant.name = '深圳市\u202e司公限有技科'),
      'archive-invalid-data',
      /申报单位名称中含有看不见的字符/,
    );
    await refused(
      (m) => (m.applicant.credit_code = '91440300MA5G\u200b1234A4'),
      'archive-invalid-data',
      /统一社会信用代码中含有看不见的字符/,
    );
  });

  it('refuses a manifest larger than 32 MB before reading it', async () => {
    // Random letters deflate only about 2:1, under the ratio limit: the size of the manifest is what is refused.
    const letters = randomBytes(34 << 20);
    for (let i = 0; i < letters.length; i += 1) letters[i] = 0x61 + (letters[i]! & 0x0f);
    const text = letters.toString('latin1');
    await refused((m) => (m.applicant.name = text), 'archive-too-large', /清单.*32 MB/);
  }, 60_000);

  it('refuses an attachment the window would refuse (a HEIC photo), naming it', async () => {
    const heicFile = path.join(root, 'photo.heic');
    runTool('convert', ['-size', '60x40', 'xc:#cc9933', heicFile]);
    const heic = new Uint8Array(readFileSync(heicFile));
    const sha = createHash('sha256').update(heic).digest('hex');
    await refused(
      (m, files) => {
        for (const name of Object.keys(files)) if (name.startsWith('files/')) delete files[name];
        files[`files/${sha}`] = heic;
        Object.assign(m.attachments[0]!, {
          sha256: sha,
          size: heic.length,
          original_name: '照片.heic',
          media_type: 'application/pdf',
        });
      },
      'archive-file-refused',
      /照片\.heic.*HEIC.*JPEG/,
    );
  });

  it('keeps a path given as a file name only as a clean label, and takes the media type from the file', async () => {
    const { s, outcome } = await importEdited((m) =>
      Object.assign(m.attachments[0]!, {
        original_name: '..\\..\\Windows\\CON.pdf',
        media_type: 'image/png',
        page_count: 99,
      }),
    );
    const { applicationId } = outcome as { applicationId: number };
    expect(await call(s, 'attachments:list', { applicationId })).toMatchObject([
      { originalName: '_CON.pdf', mediaType: 'application/pdf', pageCount: 1 },
    ]);
    s.close();
  });
});

describe('the API refuses hidden characters too', () => {
  it.each([
    ['name', '深圳市示例\u200b科技有限公司', '申报单位名称'],
    ['creditCode', '91440300MA5G1234A4\u202c', '统一社会信用代码'],
    ['contact', '王\u0007小明', '联系人'],
  ])('in %s, with a message naming the field', async (field, value, label) => {
    const result = await dispatch(source.handlers as Handlers, 'applicants:create', {
      name: '深圳市示例科技有限公司',
      [field]: value,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining(`${label}中含有看不见的字符`) },
    });
  });
});

describe('an application whose stored options are not JSON', () => {
  it('still opens, with the default options', async () => {
    const s = await openServices({ dataDir: path.join(root, 'damaged-options') });
    const applicationId = await ensureApplication(s);
    s.db.prepare("UPDATE applications SET dossier_options = '{not json' WHERE id = ?").run(applicationId);
    const detail = await dispatch(s.handlers as Handlers, 'applications:get', { id: applicationId });
    expect(detail).toMatchObject({ ok: true, value: { options: { duplex: true, numberStyle: 'dash' } } });
    s.close();
  });
});
