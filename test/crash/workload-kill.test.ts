/**
 * Issue 7: 50 SIGKILLs at random moments while the core imports, edits, removes, assembles, backs up and exports.
 * After each: the database is whole, nothing acknowledged is lost, every file is present with its hash, start-up
 * cleanup leaves nothing behind, and no export path holds a partial file. `npm run soak` runs the same with 500+.
 */
import { describe, expect, it } from 'vitest';
import { runSoak } from './helpers/workload-harness.ts';

describe('50 kills during a clerk’s day', () => {
  it('loses nothing and leaves nothing behind', async () => {
    const figures = await runSoak(50);
    expect(figures.problems).toEqual([]);
    expect(figures).toMatchObject({
      kills: 50,
      integrityFailures: 0,
      acknowledgedLost: 0,
      filesMissingOrWrong: 0,
      leftoversAfterCleanup: 0,
      partialOutputs: 0,
    });
    expect(figures.acknowledged).toBeGreaterThan(50);
  }, 180_000);
});
