import type { Migration } from './index.ts';

/** What the rules read besides the applicant: contract, costs, condition answers, material states, options. */
export const applicationDetails: Migration = {
  name: '002-application-details',
  up(db) {
    db.exec(`
      CREATE TABLE contracts (
        application_id INTEGER PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
        provider TEXT NOT NULL DEFAULT '',
        provider_listed INTEGER CHECK (provider_listed IN (0, 1)),
        related_party INTEGER CHECK (related_party IN (0, 1)),
        model TEXT NOT NULL DEFAULT '',
        model_filing TEXT NOT NULL DEFAULT '',
        signed_on TEXT,
        service_from TEXT,
        service_to TEXT,
        deployment TEXT CHECK (deployment IN ('cloud', 'private', 'api', 'edge', 'other')),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE costs (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
        paid_on TEXT,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX costs_by_application ON costs (application_id, position);

      -- Answers to the profile's questions: eligibility conditions and the related-party questions alike.
      CREATE TABLE answers (
        application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        answer TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'unsure')),
        PRIMARY KEY (application_id, question_id)
      ) STRICT;

      -- A material the clerk marked exempt or not applicable, with the reason.
      CREATE TABLE material_states (
        application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        material_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('exempt', 'not-applicable')),
        reason TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (application_id, material_id)
      ) STRICT;

      -- Per-page quarter turns the clerk set on an attachment (page counts from 1).
      CREATE TABLE page_turns (
        attachment_id INTEGER NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
        page INTEGER NOT NULL CHECK (page >= 1),
        turn INTEGER NOT NULL CHECK (turn IN (0, 90, 180, 270)),
        PRIMARY KEY (attachment_id, page)
      ) STRICT;

      -- Dossier options as the manifest's JSON object (duplex, seal marks, number style …).
      ALTER TABLE applications ADD COLUMN dossier_options TEXT NOT NULL DEFAULT '{}';
    `);
  },
};
