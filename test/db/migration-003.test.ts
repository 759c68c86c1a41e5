import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

describe('migration 003-archive-imports', () => {
  it('keeps the rows of version 2 and records each archive import once, gone with its application', async () => {
    const file = path.join(await tempDir(), 'm3.sqlite3');
    const v2 = new Database(file);
    for (const step of migrations.slice(0, 2)) step.up(v2);
    v2.pragma('user_version = 2');
    v2.prepare("INSERT INTO applicants (name, created_at, updated_at) VALUES ('甲公司', 't', 't')").run();
    v2.prepare(
      "INSERT INTO applications (applicant_id, profile_id, year, created_at, updated_at) VALUES (1, 'p', 2025, 't', 't')",
    ).run();
    v2.prepare(
      "INSERT INTO applications (applicant_id, profile_id, year, created_at, updated_at) VALUES (1, 'p', 2026, 't', 't')",
    ).run();
    v2.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT count(*) AS n FROM applications').get()).toEqual({ n: 2 });
    const record = db.prepare(
      'INSERT INTO archive_imports (archive_key, application_id, imported_at) VALUES (?, ?, ?)',
    );
    const key = 'a'.repeat(64);
    record.run(key, 1, 't');
    expect(() => record.run(key, 2, 't')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => record.run('b'.repeat(64), 1, 't')).toThrow(/UNIQUE/);
    expect(() => record.run('short', 2, 't')).toThrow(/CHECK/);
    db.prepare('DELETE FROM applications WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM archive_imports').get()).toEqual({ n: 0 });
    db.close();
  });
});
