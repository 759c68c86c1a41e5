/** A database file as the version before a migration left it, with one applicant (甲公司) and one application. */
import Database from 'better-sqlite3';
import { migrations } from '../../electron/core/db/migrations/index.ts';

/** Opens `file` migrated up to just before migration `name`, with applicant 1 and its application 1; close it yourself. */
export function databaseBefore(file: string, name: string): Database.Database {
  const at = migrations.findIndex((m) => m.name === name);
  if (at < 0) throw new Error(`no migration named ${name}`);
  const db = new Database(file);
  for (const step of migrations.slice(0, at)) step.up(db);
  db.pragma(`user_version = ${at}`);
  db.prepare("INSERT INTO applicants (name, created_at, updated_at) VALUES ('甲公司', 't', 't')").run();
  db.prepare(
    "INSERT INTO applications (applicant_id, profile_id, year, created_at, updated_at) VALUES (1, 'p', 2025, 't', 't')",
  ).run();
  return db;
}
