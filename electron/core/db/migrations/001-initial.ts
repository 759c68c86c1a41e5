import type { Migration } from './index.ts';

export const initial: Migration = {
  name: '001-initial',
  up(db) {
    db.exec(`
      CREATE TABLE applicants (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        credit_code TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'enterprise'
          CHECK (kind IN ('enterprise', 'institution', 'association', 'other')),
        registered_district TEXT NOT NULL DEFAULT '',
        established_on TEXT,
        contact_person TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE applications (
        id INTEGER PRIMARY KEY,
        applicant_id INTEGER NOT NULL REFERENCES applicants (id) ON DELETE CASCADE,
        profile_id TEXT NOT NULL,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready', 'submitted')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX applications_by_applicant ON applications (applicant_id);

      CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        material_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        original_name TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size >= 0),
        media_type TEXT NOT NULL,
        page_count INTEGER,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX attachments_by_material ON attachments (application_id, material_id, position);
    `);
  },
};
