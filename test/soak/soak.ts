/**
 * `npm run soak [-- KILLS]`: the crash harness with 500 kills (or KILLS), printing the figures the issue asks for.
 * Exits 1 if anything was lost, damaged or left behind.
 */
import { runSoak } from '../crash/helpers/workload-harness.ts';

const kills = Number(process.argv[2] ?? 500);
const started = Date.now();
const figures = await runSoak(kills, (i, f) => {
  if (i % 25 === 0 || i === kills) {
    process.stderr.write(
      `  ${i}/${kills} kills, ${f.acknowledged} acknowledged, ${f.problems.length} problems, ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
  }
});
const rows: [string, number | string][] = [
  ['kills (SIGKILL)', figures.kills],
  ['acknowledged operations', figures.acknowledged],
  [
    '  by kind',
    Object.entries(figures.opsByKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', '),
  ],
  ['integrity failures (integrity_check, foreign_key_check)', figures.integrityFailures],
  ['acknowledged changes lost', figures.acknowledgedLost],
  ['files missing or wrong', figures.filesMissingOrWrong],
  ['leftovers after start-up cleanup', figures.leftoversAfterCleanup],
  ['partial files at export paths', figures.partialOutputs],
  ['assembleDossier temp files left beside --out (not ours)', figures.assemblerTemps],
  ['wall time (s)', Math.round((Date.now() - started) / 1000)],
];
for (const [label, value] of rows) process.stdout.write(`${label.padEnd(58)} ${value}\n`);
for (const problem of figures.problems.slice(0, 20)) process.stdout.write(`  problem: ${problem}\n`);
process.exitCode = figures.problems.length === 0 ? 0 : 1;
