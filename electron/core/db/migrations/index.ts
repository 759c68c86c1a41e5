import type Database from 'better-sqlite3';
import { initial } from './001-initial.ts';
import { applicationDetails } from './002-application-details.ts';
import { archiveImports } from './003-archive-imports.ts';
import { contentOptions } from './004-content-options.ts';
import { pageInspections } from './005-page-inspections.ts';
import { submissions } from './006-submissions.ts';
import { fileFixes } from './007-file-fixes.ts';
import { pageOrders } from './008-page-orders.ts';

export interface Migration {
  /** Shown in logs and tests; never change once landed. */
  name: string;
  up: (db: Database.Database) => void;
}

/** In order; migration N is element N - 1. Append only: a landed migration is never edited. */
export const migrations: readonly Migration[] = [
  initial,
  applicationDetails,
  archiveImports,
  contentOptions,
  pageInspections,
  submissions,
  fileFixes,
  pageOrders,
];
