import { rmSync } from 'node:fs';
import { copyFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CoreHandlers, JobStatus } from '#shared/contract/index.ts';
import { openDatabase, type Db, type OpenOptions } from '../db/connection.ts';
import { explainTrouble, passingTroubleOf } from '../db/database-trouble.ts';
import { databaseFileName } from '../paths.ts';
import { assertReadableDataFolder, claimDataFolder } from '../safety/data-folder.ts';
import {
  FolderInUseError,
  readLockOwner,
  takeLock,
  tryLock,
  type DataLock,
  type OwnerRole,
} from '../safety/data-lock.ts';
import { referencedHashes } from '../db/queries/attachments.ts';
import { FileStore } from '../store/file-store.ts';
import { applicantHandlers } from './applicants.ts';
import { applicationHandlers } from './applications.ts';
import { attachmentHandlers } from './attachments.ts';
import { appHandlers } from './app-info.ts';
import { checkHandlers } from './checks.ts';
import { workflowHandlers } from './workflow.ts';
import { safetyHandlers } from './safety.ts';
import { profileHandlers } from './profiles.ts';
import { sampleHandlers, type SampleChannel } from './sample.ts';
import { pageHandlers } from './pages.ts';
import { RecentlyRemoved, removalHandlers } from './removals.ts';
import { hashesInBackups, prepareDatabase, startDailyBackups } from '../backup/lifecycle.ts';
import { cleanupAfterCrash } from '../safety/start-up.ts';
import { guardAttachmentAdd } from '../safety/incoming-file.ts';
import { dossierJobHandlers, removeStaleDossiers, type AssemblyRunner } from './dossier-jobs.ts';
import { nodeAssemblyHost } from '../dossier/assembly-fork.ts';
import { PageInspections, type BackgroundInspector } from './page-inspections.ts';
import { FinishedDossiers } from './finished-dossiers.ts';
import { submissionHandlers } from './submissions.ts';

export interface ServiceContext {
  db: Db;
  store: FileStore;
  dataDir: string;
  version: string;
  /** The current time as an ISO string; tests may fix it. */
  now: () => string;
  /** The data folder's lock (safety/data-lock.ts); null for read-only services, which may not write. */
  lock: DataLock | null;
  /** The attached files' page inspections: queued at attach time, stored, read by the dossier job. */
  inspections: PageInspections;
}

export interface Services extends ServiceContext {
  handlers: CoreHandlers;
  close: () => void;
}

export interface OpenServicesOptions extends OpenOptions {
  dataDir: string;
  version?: string;
  now?: () => string;
  /** How dossiers are assembled (default: the assembly worker in a Node child process); the app's runs a utilityProcess. */
  runAssembly?: AssemblyRunner;
  /** Told when a dossier job has ended (done, failed or cancelled), its leftovers removed. */
  onDossierJobEnd?: (status: JobStatus) => void;
  /** How many backups of each kind to keep (default 10). */
  keepBackups?: number;
  /** Who opens the folder, named in the message another process gets (default: a CLI command). */
  owner?: { role: OwnerRole; task: string };
  /** How long to wait for the folder's lock before FolderInUseError (default 3 s). */
  waitMs?: number;
  /** The app's own per-user folder (Electron's userData, where its log already lies): a data folder by definition. */
  appFolder?: string;
  /**
   * Inspect each attached file's pages in the background as soon as it is attached, and at start-up whatever a
   * closed app left undone (the app does; a short command does not, the dossier job then inspects what it needs).
   */
  inspectInBackground?: boolean;
  /** How the pages are inspected (default: `inspectFiles` on its worker thread); tests count the calls. */
  inspect?: BackgroundInspector;
}

function defaultAssemblyRunner(): AssemblyRunner {
  const host = nodeAssemblyHost();
  return (request, control) => host.run(request, control);
}

export { databaseFileName };

/**
 * Opens the data folder as its one owner (safety/data-lock.ts), creating and marking it when new: refuses a folder
 * that is not a Juanzong data folder, waits `waitMs` for the lock, then tidies what dead predecessors left and
 * wires every handler of the contract. `close` gives the lock back.
 */
export async function openServices(options: OpenServicesOptions): Promise<Services> {
  const dataDir = path.resolve(options.dataDir);
  try {
    claimDataFolder(dataDir, options.appFolder);
  } catch (error) {
    explainTrouble(error, dataDir, path.dirname(dataDir));
  }
  const owner = options.owner ?? { role: 'cli', task: 'juanzong' };
  const lock = await takeLock(dataDir, owner, { waitMs: options.waitMs ?? 3000 }).catch((error: unknown) =>
    explainTrouble(error, dataDir, dataDir),
  );
  try {
    return await openOwned(dataDir, lock, options);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * For commands that only look: when nobody owns the folder they open it as `openServices` does (so pending
 * migrations and tidying still happen); while the window owns it, they read the database read-only and every
 * writing channel answers FolderInUseError.
 */
export async function openServicesToRead(options: OpenServicesOptions): Promise<Services> {
  const dataDir = path.resolve(options.dataDir);
  assertReadableDataFolder(dataDir);
  let lock: DataLock | null = null;
  try {
    claimDataFolder(dataDir);
    lock = tryLock(dataDir, options.owner ?? { role: 'cli', task: 'juanzong' });
  } catch (error) {
    // A read-only folder (a write-protected USB drive) can still be looked at.
    if (passingTroubleOf(error, dataDir) !== 'read-only') throw error;
  }
  if (!lock) return openReadOnly(dataDir, options);
  try {
    return await openOwned(dataDir, lock, options);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openOwned(dataDir: string, lock: DataLock, options: OpenServicesOptions): Promise<Services> {
  const dbFile = path.join(dataDir, databaseFileName);
  // Throws DamagedDatabaseError (offering the newest backup) rather than open a damaged file or start empty.
  await prepareDatabase(dataDir, dbFile, options.keepBackups);
  let db: Db;
  try {
    db = openDatabase(dbFile, options);
  } catch (error) {
    explainTrouble(error, dataDir, dataDir);
  }
  const store = new FileStore(path.join(dataDir, 'files'));
  try {
    await store.init();
    await store.cleanup(new Set([...referencedHashes(db), ...(await hashesInBackups(dataDir))]));
    await cleanupAfterCrash(dataDir);
    await removeStaleDossiers(dataDir);
  } catch (error) {
    db.close();
    explainTrouble(error, dataDir, dataDir);
  }
  const ctx = contextOf(db, store, dataDir, lock, options);
  const daily = startDailyBackups(db, dataDir, { keep: options.keepBackups });
  if (options.inspectInBackground) ctx.inspections.resume();
  const close = () => {
    ctx.inspections.stop();
    daily.stop();
    db.close();
    lock.release();
  };
  return { ...ctx, handlers: wireHandlers(ctx, options), close };
}

/**
 * A WAL database needs its `-shm` file to be read; on a write-protected drive that cannot be made, so a copy in
 * the temp folder is read instead (nothing can change the original meanwhile).
 */
async function openReadOnlyDatabase(
  dataDir: string,
  options: OpenServicesOptions,
): Promise<{ db: Db; done: () => void }> {
  const file = path.join(dataDir, databaseFileName);
  try {
    const db = openDatabase(file, { ...options, readonly: true });
    return { db, done: () => db.close() };
  } catch (error) {
    if (passingTroubleOf(error, dataDir) !== 'read-only') explainTrouble(error, dataDir, dataDir);
  }
  const copyDir = await mkdtemp(path.join(os.tmpdir(), 'juanzong-read-'));
  await copyFile(file, path.join(copyDir, databaseFileName));
  const db = openDatabase(path.join(copyDir, databaseFileName), { ...options, readonly: true });
  return { db, done: () => (db.close(), rmSync(copyDir, { recursive: true, force: true })) };
}

async function openReadOnly(dataDir: string, options: OpenServicesOptions): Promise<Services> {
  const { db, done } = await openReadOnlyDatabase(dataDir, options);
  const ctx = contextOf(db, new FileStore(path.join(dataDir, 'files')), dataDir, null, options);
  const handlers = wireHandlers(ctx, options);
  for (const channel of Object.keys(handlers) as (keyof CoreHandlers)[]) {
    if (readChannels.has(channel)) continue;
    (handlers as Record<string, unknown>)[channel] = () => {
      throw new FolderInUseError(dataDir, readLockOwner(dataDir));
    };
  }
  return { ...ctx, handlers, close: done };
}

/** The channels that only read: all a command may use while another process owns the folder. */
const readChannels = new Set<keyof CoreHandlers>([
  'app:info',
  'applicants:list',
  'applications:list',
  'applications:get',
  'applications:overview',
  'applications:check',
  'attachments:list',
  'attachments:content',
  'backup:list',
  'backup:exportTo',
  'data:warnings',
  'profiles:list',
  'profiles:get',
  'profiles:draft',
  'pages:get',
  'submission:get',
]);

function contextOf(
  db: Db,
  store: FileStore,
  dataDir: string,
  lock: DataLock | null,
  options: OpenServicesOptions,
): ServiceContext {
  const now = options.now ?? (() => new Date().toISOString());
  const inspections = new PageInspections({
    db,
    store,
    now,
    writable: lock !== null,
    background: options.inspectInBackground === true,
    ...(options.inspect ? { inspect: options.inspect } : {}),
  });
  return { db, store, dataDir, version: options.version ?? '0.0.0', now, lock, inspections };
}

function wireHandlers(ctx: ServiceContext, options: OpenServicesOptions): CoreHandlers {
  const runAssembly = options.runAssembly ?? defaultAssemblyRunner();
  const removed = new RecentlyRemoved();
  const finished = new FinishedDossiers();
  const handlers: Omit<CoreHandlers, SampleChannel> = {
    ...appHandlers(ctx),
    ...applicantHandlers(ctx),
    ...applicationHandlers(ctx),
    ...attachmentHandlers(ctx, removed),
    ...removalHandlers(ctx, removed),
    ...workflowHandlers(ctx),
    ...checkHandlers(ctx),
    ...dossierJobHandlers(ctx, runAssembly, options.onDossierJobEnd, finished),
    ...safetyHandlers(ctx, options.keepBackups),
    ...profileHandlers(ctx),
    ...pageHandlers(ctx),
    ...submissionHandlers(ctx, finished),
  };
  handlers['attachments:add'] = guardAttachmentAdd(handlers['attachments:add']);
  // The sample is made through the handlers above, guarded attachments included.
  return { ...handlers, ...sampleHandlers(ctx, handlers) };
}
