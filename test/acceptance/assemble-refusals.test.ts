/**
 * Files `juanzong assemble` must refuse: it exits non-zero, names the file on stderr, writes nothing at --out,
 * and leaves a dossier already there untouched (the clerk's last good copy survives a failed run).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { badInputs, badInputsDir, manifestPath, type BadInput } from '../fixtures/bad-inputs.ts';
import { scratchDir } from '../fixtures/fixture-cache.ts';
import { assemble, explain } from './assemble-cli.ts';

let inputs: string;

beforeAll(() => {
  inputs = badInputsDir();
});

/** `.tmp/runs/assemble-refusals/<kind>-<n>/dossier.pdf`, in a folder of its own. */
function outPath(kind: string, bad: BadInput): string {
  return path.join(scratchDir(`assemble-refusals/${kind}-${badInputs.indexOf(bad) + 1}`), 'dossier.pdf');
}

describe.each(badInputs)('juanzong assemble refuses $what', (bad) => {
  it(`exits non-zero, names ${bad.file} and writes nothing`, async () => {
    const out = outPath('absent', bad);
    const run = await assemble(manifestPath(inputs, bad), out);
    expect(run.timedOut, explain(run)).toBe(false);
    expect(run.code, explain(run)).not.toBe(0);
    expect(run.signal, explain(run)).toBeNull();
    expect(run.stderr).toContain(bad.file);
    expect(existsSync(out), 'a file appeared at --out').toBe(false);
    expect(readdirSync(path.dirname(out)), 'files left beside --out').toEqual([]);
  });

  it(`leaves an existing file at --out untouched`, async () => {
    const out = outPath('existing', bad);
    const previous = Buffer.from('%PDF-1.7\n% the dossier printed last week\n');
    writeFileSync(out, previous);
    const run = await assemble(manifestPath(inputs, bad), out);
    expect(run.code, explain(run)).not.toBe(0);
    expect(run.stderr).toContain(bad.file);
    expect(readFileSync(out).equals(previous), 'the existing file at --out changed').toBe(true);
    expect(readdirSync(path.dirname(out)), 'files left beside --out').toEqual(['dossier.pdf']);
  });
});
