/**
 * The window and the command line on one data folder, as a clerk's machine runs them: the window's services (in
 * this process) attach and edit while real `juanzong` processes (the CLI bundle) list, import, export, back up,
 * carry a backup away and assemble, one per round; every 25 rounds the window closes for a round and reopens.
 * Counted at the end: acknowledged changes lost, duplicates, and messages that point the clerk the wrong way.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../electron/core/services/index.ts';
import { call, ensureApplication, randomPdfBytes } from '../crash/children/seed.ts';
import { dossierFixtures } from '../fixtures/dossier-fixtures.ts';
import { REPO_ROOT } from '../fixtures/fixture-cache.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const fresh = useTempDir('juanzong-multi-');
const rounds = Number(process.env.JUANZONG_MULTI_ROUNDS ?? 200);

interface Outcome {
  code: number | null;
  out: string;
  err: string;
}

function juanzong(bundle: string, args: string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, JUANZONG_FONT: path.join(REPO_ROOT, 'assets', 'fonts', 'wqy-microhei.ttc') };
    const child = spawn(process.execPath, [bundle, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const inUseByWindow = /正由卷宗窗口（进程 \d+/;

/** One command of the rotation, and what it must have done when it says it succeeded. */
function commandFor(
  round: number,
  dirs: { data: string; work: string; archive: string; manifest: string },
  slot = round,
) {
  const at = (name: string) => path.join(dirs.work, `${round}-${name}`);
  const kinds = ['list', 'import', 'export', 'backup', 'list', 'carry'] as const;
  const kind = round % 20 === 7 ? 'assemble' : kinds[slot % kinds.length]!;
  const args: Record<typeof kind, string[]> = {
    list: ['applications', 'list', '--json'],
    import: ['archive', 'import', dirs.archive],
    export: ['archive', 'export', '1', '--out', at('项目.juanzong')],
    backup: ['backup', 'create'],
    carry: ['backup', 'export', at('usb')],
    assemble: ['assemble', dirs.manifest, '--out', at('卷宗.pdf')],
  };
  return { kind, args: kind === 'assemble' ? args[kind] : ['--data', dirs.data, ...args[kind]] };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the window and the command line on one data folder', () => {
  it(`${rounds} rounds: nothing lost, nothing twice, no misleading message`, async () => {
    const root = await fresh();
    // Inside the repository, so that the bundle finds node_modules.
    const bundleDir = path.join(REPO_ROOT, '.tmp', `multi-process-cli-${process.pid}`);
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'build', 'build-cli.mjs'), bundleDir]);
    const bundle = path.join(bundleDir, 'juanzong.cjs');
    const data = path.join(root, 'data');
    const work = path.join(root, 'work');
    mkdirSync(work);

    // An archive from another machine, to import again and again.
    const elsewhere = await openServices({ dataDir: path.join(root, 'elsewhere') });
    const elsewhereApp = await ensureApplication(elsewhere);
    await call(elsewhere, 'attachments:add', {
      applicationId: elsewhereApp,
      materialId: 'business-license',
      fileName: 'x.pdf',
      bytes: randomPdfBytes(3000),
    });
    elsewhere.close();
    const archive = path.join(root, '外来.juanzong');
    expect(
      (await juanzong(bundle, ['--data', path.join(root, 'elsewhere'), 'archive', 'export', '1', '--out', archive]))
        .code,
    ).toBe(0);
    const dirs = { data, work, archive, manifest: dossierFixtures().manifest };

    let window: Services | null = await openServices({ dataDir: data, owner: { role: 'window', task: '窗口' } });
    const applicationId = await ensureApplication(window);
    const attached: { id: number; sha256: string }[] = [];
    const importedIds: number[] = [];
    let lastName = '';
    const misleading: string[] = [];
    const lost: string[] = [];
    const counts: Record<string, number> = {};

    const windowWork = async (round: number, w: Services) => {
      if (round % 4 === 0) {
        const bytes = randomPdfBytes(20_000);
        const row = await call(w, 'attachments:add', {
          applicationId,
          materialId: 'business-license',
          fileName: `第${round}轮.pdf`,
          bytes,
        });
        attached.push({ id: row.id, sha256: sha256(bytes) });
      } else {
        const name = `深圳市测试科技有限公司（第${round}轮）`;
        await call(w, 'applicants:update', { id: 1, changes: { name } });
        lastName = name;
      }
    };

    for (let round = 0; round < rounds; round += 1) {
      // Every 25 rounds the window closes for two rounds: a writing command runs alone, then one meets the reopening window.
      const closing = round % 25 === 22;
      const alone = round % 25 === 23;
      const reopening = round % 25 === 24;
      const { kind, args } = commandFor(round, dirs, alone ? 1 + (Math.floor(round / 25) % 3) : round);
      const [result] = await Promise.all([
        juanzong(bundle, args),
        (async () => {
          if (alone) return;
          if (reopening)
            window = await openServices({ dataDir: data, owner: { role: 'window', task: '窗口' }, waitMs: 15_000 });
          else if (window) await windowWork(round, window);
          if (closing) {
            window!.close();
            window = null;
          }
        })(),
      ]);
      if (round % 20 === 0) console.log(`round ${round}: ${Math.round(performance.now() / 1000)} s`);
      const said = `${kind} (round ${round}): ${result.err.trim() || result.out.trim().slice(0, 200)}`;
      counts[`${kind} ${result.code === 0 ? 'done' : 'refused'}`] =
        (counts[`${kind} ${result.code === 0 ? 'done' : 'refused'}`] ?? 0) + 1;
      if (result.code !== 0) {
        const expected = inUseByWindow.test(result.err) || (kind === 'import' && result.err.includes('已经存在'));
        if (!expected || kind === 'list' || kind === 'carry' || kind === 'assemble') misleading.push(said);
        continue;
      }
      if (kind === 'import') importedIds.push(Number(/申报项目 (\d+)/.exec(result.out)?.[1]));
      if (kind === 'export' && readFileSync(args.at(-1)!).subarray(0, 2).toString() !== 'PK')
        lost.push(`${said}: not a zip`);
      if (kind === 'backup') {
        const file = /已备份：(.+)$/m.exec(result.out)?.[1] ?? '';
        const db = existsSync(file) ? new Database(file, { readonly: true }) : null;
        if (db?.pragma('quick_check', { simple: true }) !== 'ok') lost.push(`${said}: backup not usable`);
        db?.close();
      }
      if (kind === 'carry' && !readdirSync(args.at(-1)!).some((n) => n.startsWith('卷宗备份-')))
        lost.push(`${said}: no carried backup`);
      if (kind === 'assemble' && !existsSync(args.at(-1)!)) lost.push(`${said}: no dossier`);
      if (kind === 'list') {
        const ids = new Set((JSON.parse(result.out) as { id: number }[]).map((a) => a.id));
        for (const id of [applicationId, ...importedIds])
          if (!ids.has(id)) lost.push(`${said}: application ${id} not listed`);
      }
    }
    window ??= await openServices({ dataDir: data, owner: { role: 'window', task: '窗口' }, waitMs: 15_000 });

    const w: Services = window;
    const rows = await call(w, 'attachments:list', { applicationId });
    for (const a of attached) {
      const row = rows.find((r) => r.id === a.id);
      if (
        !row ||
        !existsSync(w.store.pathOf(a.sha256)) ||
        sha256(readFileSync(w.store.pathOf(a.sha256))) !== a.sha256
      ) {
        lost.push(`attachment ${a.id}`);
      }
    }
    const applications = await call(w, 'applications:list', {});
    const applicants = await call(w, 'applicants:list', {});
    if (lastName && applicants.find((a) => a.id === 1)?.name !== lastName) lost.push('the last name the window saved');
    for (const id of importedIds) if (!applications.some((a) => a.id === id)) lost.push(`imported application ${id}`);
    const duplicates = applications.length - 1 - importedIds.length + (rows.length - attached.length);
    expect(w.db.pragma('integrity_check', { simple: true })).toBe('ok');
    w.close();

    console.log(
      `multi-process: ${rounds} rounds, ${attached.length} attaches + ${rounds - attached.length} edits by the window; ` +
        `commands ${JSON.stringify(counts)}; lost ${lost.length}, duplicates ${duplicates}, misleading ${misleading.length}`,
    );
    expect(misleading).toEqual([]);
    expect(lost).toEqual([]);
    expect(duplicates).toBe(0);
    expect(importedIds.length).toBeGreaterThan(0);
  }, 1_800_000);
});
