import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { getFixesOff, setFixOff } from '../../electron/core/db/queries/file-fixes.ts';
import { databaseBefore } from '../helpers/database-before.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

describe('migration 007-file-fixes', () => {
  it('keeps the attachments of the version before and stores the fixes turned off, gone with their attachment', async () => {
    const file = path.join(await tempDir(), 'm7.sqlite3');
    const before = databaseBefore(file, '007-file-fixes');
    const attach = before.prepare(
      `INSERT INTO attachments (application_id, material_id, position, original_name, sha256, size, media_type,
         created_at) VALUES (1, 'm', ?, ?, ?, 1, 'image/jpeg', 't')`,
    );
    attach.run(1, '照片.jpg', 'a'.repeat(64));
    attach.run(2, '长图.png', 'b'.repeat(64));
    before.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 2 });
    expect(getFixesOff(db, 1)).toEqual([]);
    setFixOff(db, 1, 'crop', true);
    setFixOff(db, 1, 'crop', true);
    setFixOff(db, 1, 'reduce', true);
    setFixOff(db, 2, 'split', true);
    expect(getFixesOff(db, 1)).toEqual(['crop', 'reduce']);
    setFixOff(db, 1, 'reduce', false);
    expect(getFixesOff(db, 1)).toEqual(['crop']);
    expect(getFixesOff(db, 2)).toEqual(['split']);
    expect(() => db.prepare("INSERT INTO file_fixes_off VALUES (1, 'blur')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO file_fixes_off VALUES (9, 'crop')").run()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM attachments WHERE id = 1').run();
    expect(db.prepare('SELECT attachment_id, fix FROM file_fixes_off').all()).toEqual([
      { attachment_id: 2, fix: 'split' },
    ]);
    db.close();
  });
});
