import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { DatabaseFromFutureError, latestVersion, migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

function tables(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
}

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

/** A database brought up to `version` by running the first `version` migrations, as an older app would have. */
function databaseAt(file: string, version: number): Database.Database {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  for (const step of migrations.slice(0, version)) step.up(db);
  db.pragma(`user_version = ${version}`);
  return db;
}

describe('opening a database', () => {
  it('creates an empty one at the latest version, with WAL, full sync and foreign keys', async () => {
    const db = openDatabase(path.join(await tempDir(), 'new.sqlite3'));
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(tables(db)).toEqual(
      expect.arrayContaining(['applicants', 'applications', 'attachments', 'contracts', 'costs', 'answers']),
    );
    db.close();
  });

  it('refuses a database written by a newer version, and leaves it as it was', async () => {
    const file = path.join(await tempDir(), 'future.sqlite3');
    const future = databaseAt(file, latestVersion());
    future.pragma(`user_version = ${latestVersion() + 1}`);
    future.close();
    expect(() => openDatabase(file)).toThrow(DatabaseFromFutureError);
    expect(() => openDatabase(file)).toThrow(/更新版本的卷宗/);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(latestVersion() + 1);
    after.close();
  });

  it('runs all pending steps in one transaction: a failing step leaves the old schema whole', async () => {
    const file = path.join(await tempDir(), 'v1.sqlite3');
    const db = databaseAt(file, 1);
    db.exec('CREATE TABLE page_turns (x)'); // step 2 creates four tables, then fails on this one
    expect(() => migrate(db)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).not.toContain('costs');
    db.close();
  });
});

describe('migration 001-initial', () => {
  it('creates applicants, applications and attachments, tied by foreign keys', async () => {
    const db = databaseAt(path.join(await tempDir(), 'm1.sqlite3'), 1);
    expect(columns(db, 'applicants')).toEqual([
      'id',
      'name',
      'credit_code',
      'kind',
      'registered_district',
      'established_on',
      'contact_person',
      'phone',
      'address',
      'created_at',
      'updated_at',
    ]);
    expect(columns(db, 'applications')).toEqual([
      'id',
      'applicant_id',
      'profile_id',
      'year',
      'status',
      'created_at',
      'updated_at',
    ]);
    expect(columns(db, 'attachments')).toContain('sha256');
    expect(() =>
      db
        .prepare(
          "INSERT INTO applications (applicant_id, profile_id, year, created_at, updated_at) VALUES (99, 'p', 2025, '', '')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('migration 002-application-details', () => {
  it('keeps the rows of version 1 and adds contract, costs, answers, material states, page turns, options', async () => {
    const file = path.join(await tempDir(), 'm2.sqlite3');
    const v1 = databaseAt(file, 1);
    v1.prepare("INSERT INTO applicants (name, created_at, updated_at) VALUES ('甲公司', 't', 't')").run();
    v1.prepare(
      "INSERT INTO applications (applicant_id, profile_id, year, created_at, updated_at) VALUES (1, 'p', 2025, 't', 't')",
    ).run();
    v1.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT name FROM applicants').get()).toEqual({ name: '甲公司' });
    expect(db.prepare('SELECT dossier_options FROM applications').get()).toEqual({ dossier_options: '{}' });
    expect(tables(db)).toEqual(
      expect.arrayContaining(['contracts', 'costs', 'answers', 'material_states', 'page_turns']),
    );
    expect(() =>
      db.prepare("INSERT INTO costs (application_id, position, kind, amount_fen) VALUES (1, 1, 'api', -1)").run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 004-content-options', () => {
  it('keeps the attachments of the version before it; each leaves its markup out and has no notices until told', async () => {
    const file = path.join(await tempDir(), 'm5.sqlite3');
    const before = migrations.findIndex((m) => m.name === '004-content-options');
    const old = databaseAt(file, before);
    old.prepare("INSERT INTO applicants (name, created_at, updated_at) VALUES ('甲公司', 't', 't')").run();
    old
      .prepare(
        "INSERT INTO applications (applicant_id, profile_id, year, created_at, updated_at) VALUES (1, 'p', 2025, 't', 't')",
      )
      .run();
    old
      .prepare(
        `INSERT INTO attachments (application_id, material_id, position, original_name, sha256, size, media_type, page_count, created_at)
         VALUES (1, 'credit-report', 1, '信用报告.pdf', ?, 10, 'application/pdf', 3, 't')`,
      )
      .run('a'.repeat(64));
    old.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT original_name, keep_markup, content_notices FROM attachments').get()).toEqual({
      original_name: '信用报告.pdf',
      keep_markup: 0,
      content_notices: '[]',
    });
    expect(() => db.prepare('UPDATE attachments SET keep_markup = 2').run()).toThrow(/CHECK/);
    db.close();
  });
});
