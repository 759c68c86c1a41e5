/**
 * Profile format v2 gives the 2025 call the same answers as v1: `check --json` on the check manifests and
 * `assemble --json` (the page map, and the dossier's text) on the fixture set, once with the v1 copy of the profile
 * (test/fixtures/profiles/) and once with the shipped v2 profile, each given to the CLI as a file.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ManifestInput } from '#shared/manifest.ts';
import { dossierFixtures, type DossierFixtures } from '../fixtures/dossier-fixtures.ts';
import { REPO_ROOT, scratchDir } from '../fixtures/fixture-cache.ts';
import { runTool } from '../fixtures/run-tool.ts';
import { SAMPLE_FILES, sampleManifest } from '../unit/rules/sample.ts';
import { CLI, assemble, explain, runProcess } from './assemble-cli.ts';

const V1 = path.join(REPO_ROOT, 'test/fixtures/profiles/sz-model-voucher-2025.v1.json');
const V2 = path.join(REPO_ROOT, 'shared/profiles/sz-model-voucher-2025.json');
const FORMATS = ['v1', 'v2'] as const;

let fixtures: DossierFixtures;
let dir: string;

/** The profile file of one format under an id of its own (a file may not take the built-in id). */
function writeProfile(format: (typeof FORMATS)[number]): string {
  const profile = JSON.parse(readFileSync(format === 'v1' ? V1 : V2, 'utf8')) as { id: string };
  profile.id = `equivalence-${format}`;
  const file = path.join(dir, `profile-${format}.json`);
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

function writeManifest(name: string, manifest: ManifestInput): string {
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  return file;
}

/** The same manifest once per format, each naming its profile file. */
function perFormat(name: string, manifest: ManifestInput): string[] {
  return FORMATS.map((f) => writeManifest(`${name}-${f}`, { ...manifest, profile: `./profile-${f}.json` }));
}

async function checkJson(manifest: string, today: string): Promise<unknown> {
  const run = await runProcess(process.execPath, [CLI, 'check', manifest, '--json', '--today', today], 120_000);
  expect(run.code, explain(run)).toBe(0);
  return JSON.parse(run.stdout);
}

beforeAll(() => {
  fixtures = dossierFixtures();
  dir = scratchDir('profile-v1-v2');
  for (const name of readdirSync(fixtures.dir).filter((n) => !n.endsWith('.json')))
    copyFileSync(path.join(fixtures.dir, name), path.join(dir, name));
  for (const file of SAMPLE_FILES) {
    const to = path.join(dir, file);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(path.join(fixtures.dir, 'plan.pdf'), to); // `check` opens every listed file
  }
  FORMATS.forEach(writeProfile);
});

const CASES: [string, (m: ManifestInput) => void, string][] = [
  ['valid', () => {}, '2025-10-20'],
  ['over-caps', (m) => (m.costs = [{ kind: 'platform', amount: 8000000, paidOn: '2025-02-01' }]), '2025-10-20'],
  ['above-soft-cap', (m) => (m.costs = [{ kind: 'api', amount: 3333333.37, paidOn: '2025-02-01' }]), '2025-10-13'],
  [
    'costs-left-out',
    (m) =>
      m.costs!.push(
        { kind: 'hardware', amount: 1000, paidOn: '2025-02-01' },
        { kind: 'api', amount: 500, paidOn: '2024-11-30' },
        { kind: 'api', amount: 700 },
      ),
    '2025-10-27T18:00',
  ],
  [
    'outside-window',
    (m) => Object.assign(m.contract!, { serviceFrom: '2024-01-01', serviceTo: '2024-11-30' }),
    '2025-11-11',
  ],
  [
    'partly-outside',
    (m) => Object.assign(m.contract!, { serviceFrom: '2024-11-01', serviceTo: '2026-09-30' }),
    '2025-09-01',
  ],
  ['no-contract', (m) => delete m.contract, '2025-10-20'],
  ['related-unanswered', (m) => (m.contract!.relatedPartyAnswers = { control: 'unsure' }), '2025-10-20'],
  [
    'condition-no',
    (m) => (m.conditions = { ...m.conditions, 'model-filed': 'no', 'project-in-shenzhen': 'unsure' }),
    '2025-10-20',
  ],
  ['no-costs', (m) => (m.costs = []), '2025-10-20'],
];

describe('the 2025 profile in format v1 and v2', () => {
  it.each(CASES)('check --json answers the same: %s', async (name, change, today) => {
    const manifest = sampleManifest();
    change(manifest);
    const [v1, v2] = await Promise.all(perFormat(name, manifest).map((m) => checkJson(m, today)));
    const builtIn = await checkJson(writeManifest(`${name}-built-in`, manifest), today);
    expect(v2).toEqual(v1);
    expect(v2).toEqual(builtIn);
  });

  it('assemble --json makes the same page map and the same pages', async () => {
    const manifest = JSON.parse(readFileSync(fixtures.manifest, 'utf8')) as ManifestInput;
    const runs = await Promise.all(
      perFormat('fixture', manifest).map((m, i) => assemble(m, path.join(dir, `dossier-${FORMATS[i]}.pdf`))),
    );
    for (const run of runs) expect(run.code, explain(run)).toBe(0);
    const [v1, v2] = runs.map((run) => JSON.parse(run.stdout) as { pages: number });
    expect(v1!.pages).toBeGreaterThan(10);
    expect(v2).toEqual(v1);
    const text = (format: string) =>
      runTool('pdftotext', ['-q', '-layout', path.join(dir, `dossier-${format}.pdf`), '-']);
    expect(text('v2')).toEqual(text('v1'));
    const checks = await Promise.all(perFormat('fixture-check', manifest).map((m) => checkJson(m, '2025-10-20')));
    expect(checks[1]).toEqual(checks[0]);
  });
});
