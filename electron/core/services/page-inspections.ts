/**
 * The inspection of attached files' pages, in the background: a file is queued when it is attached (the attach
 * answers at once), files are inspected one at a time on the inspection's worker thread (its time and memory
 * budget per file), and each file's findings are stored whole, by content and inspection version. The dossier job
 * asks for what it needs first (`ensure`) and reads what is stored; a file is never inspected twice.
 */
import type { FileInspection } from '#shared/page-findings.ts';
import type { InspectBudget } from '../inspect/run-inspection.ts';
import type { Db } from '../db/connection.ts';
import { getInspection, saveInspection, uninspectedHashes } from '../db/queries/page-inspections.ts';
import { inspectFiles } from '../inspect/run-inspection.ts';
import type { Inspector } from '../inspect/stored-first.ts';
import { INSPECTION_VERSION } from '../inspect/version.ts';
import type { FileStore } from '../store/file-store.ts';

/** Inspects files (absolute paths) on one thread, telling each file's findings as made. Default: `inspectFiles`. */
export type BackgroundInspector = (
  files: string[],
  budget: Required<Pick<InspectBudget, 'signal' | 'onInspected'>>,
) => ReturnType<Inspector>;

export interface PageInspectionsOptions {
  db: Db;
  store: FileStore;
  now: () => string;
  /** False for read-only services: findings are read, never made. */
  writable: boolean;
  /** Inspect attached files as they come (`enqueue`); otherwise only what `ensure` asks for. */
  background: boolean;
  inspect?: BackgroundInspector;
}

export class PageInspections {
  private readonly waiting: string[] = [];
  private readonly waiters = new Map<string, (() => void)[]>();
  private readonly abort = new AbortController();
  private draining: Promise<void> | undefined;

  constructor(private readonly options: PageInspectionsOptions) {}

  /** False in read-only services: what is not stored yet is never inspected here. */
  get inspects(): boolean {
    return this.options.writable;
  }

  /** The stored findings of this content, if it has been inspected at the current version. */
  stored(sha256: string): FileInspection | undefined {
    return getInspection(this.options.db, sha256, INSPECTION_VERSION);
  }

  /** Queues the inspection of this content unless it is stored or queued already; returns at once. */
  enqueue(sha256: string): void {
    if (!this.options.background || !this.options.writable || this.abort.signal.aborted) return;
    if (this.waiting.includes(sha256) || this.stored(sha256)) return;
    this.waiting.push(sha256);
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
  }

  /** Queues every attached file not inspected yet (at start-up: what a closed or killed app left undone). */
  resume(): void {
    if (this.options.writable) uninspectedHashes(this.options.db, INSPECTION_VERSION).forEach((h) => this.enqueue(h));
  }

  /**
   * The findings of each content, inspecting first (ahead of the queue) those not stored yet; a content whose
   * inspection could not be stored is absent from the answer.
   */
  async ensure(hashes: string[]): Promise<Map<string, FileInspection>> {
    const missing = [...new Set(hashes)].filter((h) => !this.stored(h));
    if (this.options.writable && missing.length > 0) {
      const done = missing.map((h) => new Promise<void>((resolve) => this.waitFor(h, resolve)));
      const rest = this.waiting.filter((h) => !missing.includes(h));
      this.waiting.splice(0, this.waiting.length, ...missing, ...rest);
      this.draining ??= this.drain().finally(() => (this.draining = undefined));
      await Promise.all(done);
    }
    return this.storedOf(hashes);
  }

  /** The stored findings of each content that has them at the current version; never inspects. */
  storedOf(hashes: string[]): Map<string, FileInspection> {
    const found = hashes.flatMap((h) => {
      const stored = this.stored(h);
      return stored ? [[h, stored] as const] : [];
    });
    return new Map(found);
  }

  /** Resolves once nothing is queued or being inspected. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Stops the inspection under way (nothing of it is stored) and drops the queue; for closing the data folder. */
  stop(): void {
    this.abort.abort();
    this.waiting.length = 0;
    for (const resolvers of this.waiters.values()) resolvers.forEach((r) => r());
    this.waiters.clear();
  }

  private waitFor(sha256: string, resolve: () => void): void {
    this.waiters.set(sha256, [...(this.waiters.get(sha256) ?? []), resolve]);
  }

  /** Inspects what is queued, in batches on one thread (it starts once per batch, not once per file). */
  private async drain(): Promise<void> {
    const { store, inspect = inspectFiles } = this.options;
    while (this.waiting.length > 0 && !this.abort.signal.aborted) {
      const batch = this.waiting.splice(0).filter((h) => !this.stored(h));
      const onInspected = (result: FileInspection, i: number) => this.keep(batch[i]!, result);
      try {
        if (batch.length > 0)
          await inspect(
            batch.map((h) => store.pathOf(h)),
            { signal: this.abort.signal, onInspected },
          );
      } catch {
        // The findings could not be made: the assembly inspects the files itself when it needs them.
      } finally {
        batch.forEach((h) => this.release(h));
      }
    }
  }

  /** Stores one file's findings in one statement; a stopped inspection is not a finding (inspected again later). */
  private keep(sha256: string, result: FileInspection): void {
    if (this.abort.signal.aborted || result.failed === 'stopped') return;
    try {
      saveInspection(this.options.db, sha256, INSPECTION_VERSION, { ...result, file: sha256 }, this.options.now());
    } catch {
      // The database is closing: the next start-up inspects the file again.
    }
    this.release(sha256);
  }

  private release(sha256: string): void {
    this.waiters.get(sha256)?.forEach((resolve) => resolve());
    this.waiters.delete(sha256);
  }
}
