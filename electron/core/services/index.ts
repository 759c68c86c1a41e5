import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { CoreHandlers, JobStatus } from '../../../shared/contract/index.ts';
import { openDatabase, type Db, type OpenOptions } from '../db/connection.ts';
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
import { hashesInBackups, prepareDatabase, startDailyBackups } from '../backup/lifecycle.ts';
import { cleanupAfterCrash } from '../safety/start-up.ts';
import { guardAttachmentAdd } from '../safety/incoming-file.ts';
import { dossierJobHandlers, removeStaleDossiers, type AssemblyRunner } from './dossier-jobs.ts';
import { nodeAssemblyHost } from '../dossier/assembly-fork.ts';

export interface ServiceContext {
  db: Db;
  store: FileStore;
  dataDir: string;
  version: string;
  /** The current time as an ISO string; tests may fix it. */
  now: () => string;
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
}

function defaultAssemblyRunner(): AssemblyRunner {
  const host = nodeAssemblyHost();
  return (request, control) => host.run(request, control);
}

export const databaseFileName = 'juanzong.sqlite3';

/** Opens the data folder (creating it), cleans what a crash left behind, and wires every handler of the contract. */
export async function openServices(options: OpenServicesOptions): Promise<Services> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const dbFile = path.join(dataDir, databaseFileName);
  // Throws DamagedDatabaseError (offering the newest backup) rather than open a damaged file or start empty.
  await prepareDatabase(dataDir, dbFile, options.keepBackups);
  const db = openDatabase(dbFile, options);
  const store = new FileStore(path.join(dataDir, 'files'));
  await store.init();
  await store.cleanup(new Set([...referencedHashes(db), ...(await hashesInBackups(dataDir))]));
  await cleanupAfterCrash(dataDir);
  await removeStaleDossiers(dataDir);
  const ctx: ServiceContext = {
    db,
    store,
    dataDir,
    version: options.version ?? '0.0.0',
    now: options.now ?? (() => new Date().toISOString()),
  };
  const runAssembly = options.runAssembly ?? defaultAssemblyRunner();
  const handlers: CoreHandlers = {
    ...appHandlers(ctx),
    ...applicantHandlers(ctx),
    ...applicationHandlers(ctx),
    ...attachmentHandlers(ctx),
    ...workflowHandlers(ctx),
    ...checkHandlers(ctx),
    ...dossierJobHandlers(ctx, runAssembly, options.onDossierJobEnd),
    ...safetyHandlers(ctx, options.keepBackups),
    ...profileHandlers(ctx),
  };
  handlers['attachments:add'] = guardAttachmentAdd(handlers['attachments:add']);
  const daily = startDailyBackups(db, dataDir, { keep: options.keepBackups });
  const close = () => {
    daily.stop();
    db.close();
  };
  return { ...ctx, handlers, close };
}
