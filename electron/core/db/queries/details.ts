/** What belongs to one application besides its files: contract, costs, answers, material states, options, facts, turns. */
import type { Db } from '../connection.ts';
import {
  applicationFacts,
  type ApplicationFacts,
  type ContractDraft,
  type CostLine,
} from '#shared/contract/workflow.ts';
import type { MaterialStateKind } from '#shared/dossier/material-status.ts';
import type { Answer } from '#shared/rules/index.ts';
import { dossierOptions, type DossierOptions } from '#shared/manifest.ts';

interface ContractRow {
  provider: string;
  provider_listed: 0 | 1 | null;
  related_party: 0 | 1 | null;
  model: string;
  model_filing: string;
  signed_on: string | null;
  service_from: string | null;
  service_to: string | null;
  deployment: ContractDraft['deployment'];
}

const asBool = (v: 0 | 1 | null) => (v === null ? null : v === 1);
const asInt = (v: boolean | null) => (v === null ? null : v ? 1 : 0);

export function getContract(db: Db, applicationId: number): ContractDraft | null {
  const row = db.prepare('SELECT * FROM contracts WHERE application_id = ?').get(applicationId) as
    ContractRow | undefined;
  if (!row) return null;
  return {
    provider: row.provider,
    providerListed: asBool(row.provider_listed),
    relatedParty: asBool(row.related_party),
    model: row.model,
    modelFiling: row.model_filing,
    signedOn: row.signed_on,
    serviceFrom: row.service_from,
    serviceTo: row.service_to,
    deployment: row.deployment,
  };
}

export function saveContract(db: Db, applicationId: number, c: ContractDraft, now: string): void {
  db.prepare(
    `INSERT INTO contracts (application_id, provider, provider_listed, related_party, model, model_filing, signed_on,
       service_from, service_to, deployment, updated_at)
     VALUES (@applicationId, @provider, @providerListed, @relatedParty, @model, @modelFiling, @signedOn,
       @serviceFrom, @serviceTo, @deployment, @now)
     ON CONFLICT (application_id) DO UPDATE SET provider = excluded.provider,
       provider_listed = excluded.provider_listed, related_party = excluded.related_party, model = excluded.model,
       model_filing = excluded.model_filing, signed_on = excluded.signed_on, service_from = excluded.service_from,
       service_to = excluded.service_to, deployment = excluded.deployment, updated_at = excluded.updated_at`,
  ).run({ ...c, applicationId, now, providerListed: asInt(c.providerListed), relatedParty: asInt(c.relatedParty) });
}

export function getCosts(db: Db, applicationId: number): CostLine[] {
  const rows = db
    .prepare('SELECT kind, amount_fen, paid_on, note FROM costs WHERE application_id = ? ORDER BY position')
    .all(applicationId) as { kind: string; amount_fen: number; paid_on: string | null; note: string }[];
  return rows.map((r) => ({ kind: r.kind, amountFen: r.amount_fen, paidOn: r.paid_on, note: r.note }));
}

/** The cost table is saved whole: the clerk edits it as one table, and a partial write would be a wrong sum. */
export function replaceCosts(db: Db, applicationId: number, costs: CostLine[]): void {
  db.prepare('DELETE FROM costs WHERE application_id = ?').run(applicationId);
  const insert = db.prepare(
    'INSERT INTO costs (application_id, position, kind, amount_fen, paid_on, note) VALUES (?, ?, ?, ?, ?, ?)',
  );
  costs.forEach((c, i) => insert.run(applicationId, i + 1, c.kind, c.amountFen, c.paidOn, c.note));
}

export function getAnswers(db: Db, applicationId: number): Record<string, Answer> {
  const rows = db.prepare('SELECT question_id, answer FROM answers WHERE application_id = ?').all(applicationId) as {
    question_id: string;
    answer: Answer;
  }[];
  return Object.fromEntries(rows.map((r) => [r.question_id, r.answer]));
}

export function setAnswer(db: Db, applicationId: number, questionId: string, answer: Answer | null): void {
  if (answer === null) {
    db.prepare('DELETE FROM answers WHERE application_id = ? AND question_id = ?').run(applicationId, questionId);
    return;
  }
  db.prepare(
    `INSERT INTO answers (application_id, question_id, answer) VALUES (?, ?, ?)
     ON CONFLICT (application_id, question_id) DO UPDATE SET answer = excluded.answer`,
  ).run(applicationId, questionId, answer);
}

export type MaterialStates = Record<string, { state: MaterialStateKind; reason: string }>;

export function getMaterialStates(db: Db, applicationId: number): MaterialStates {
  const rows = db
    .prepare('SELECT material_id, state, reason FROM material_states WHERE application_id = ?')
    .all(applicationId) as { material_id: string; state: MaterialStateKind; reason: string }[];
  return Object.fromEntries(rows.map((r) => [r.material_id, { state: r.state, reason: r.reason }]));
}

export function setMaterialState(
  db: Db,
  applicationId: number,
  materialId: string,
  state: MaterialStateKind | null,
  reason: string,
): void {
  if (state === null) {
    db.prepare('DELETE FROM material_states WHERE application_id = ? AND material_id = ?').run(
      applicationId,
      materialId,
    );
    return;
  }
  db.prepare(
    `INSERT INTO material_states (application_id, material_id, state, reason) VALUES (?, ?, ?, ?)
     ON CONFLICT (application_id, material_id) DO UPDATE SET state = excluded.state, reason = excluded.reason`,
  ).run(applicationId, materialId, state, reason);
}

/** Stored options laid over the defaults, so an option added later gets its default for old applications. */
export function getOptions(db: Db, applicationId: number): DossierOptions {
  const row = db.prepare('SELECT dossier_options FROM applications WHERE id = ?').get(applicationId) as
    { dossier_options: string } | undefined;
  const stored = dossierOptions.partial().safeParse(parseJsonOrNothing(row?.dossier_options ?? '{}'));
  return dossierOptions.parse(stored.success ? stored.data : {});
}

/** Text that is not JSON (a damaged row) reads as nothing: the defaults stand, and the application still opens. */
function parseJsonOrNothing(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The options' JSON object as stored (its `facts` key included), or nothing when the row is damaged. */
function storedOptionsObject(db: Db, applicationId: number): Record<string, unknown> {
  const row = db.prepare('SELECT dossier_options FROM applications WHERE id = ?').get(applicationId) as
    { dossier_options: string } | undefined;
  const value = parseJsonOrNothing(row?.dossier_options ?? '{}');
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function writeOptionsObject(db: Db, applicationId: number, value: Record<string, unknown>): void {
  db.prepare('UPDATE applications SET dossier_options = ? WHERE id = ?').run(JSON.stringify(value), applicationId);
}

export function setOptions(db: Db, applicationId: number, options: DossierOptions): void {
  const { facts } = storedOptionsObject(db, applicationId);
  writeOptionsObject(db, applicationId, facts === undefined ? options : { ...options, facts });
}

/**
 * The figures and event dates the profile's conditions ask, kept in the options' JSON column under `facts`
 * (no table of their own: they are a few numbers per application). A damaged value reads as none.
 */
export function getFacts(db: Db, applicationId: number): ApplicationFacts {
  const stored = applicationFacts.safeParse(storedOptionsObject(db, applicationId).facts ?? {});
  return stored.success ? stored.data : {};
}

export function setFacts(db: Db, applicationId: number, facts: ApplicationFacts): void {
  writeOptionsObject(db, applicationId, { ...storedOptionsObject(db, applicationId), facts });
}

export function getTurns(db: Db, attachmentId: number): Record<string, 0 | 90 | 180 | 270> {
  const rows = db.prepare('SELECT page, turn FROM page_turns WHERE attachment_id = ?').all(attachmentId) as {
    page: number;
    turn: 0 | 90 | 180 | 270;
  }[];
  // A turn of 0 is kept: the clerk's "upright as it is" wins over a turn the inspection proposes.
  return Object.fromEntries(rows.map((r) => [String(r.page), r.turn]));
}

export function setTurn(db: Db, attachmentId: number, page: number, turn: 0 | 90 | 180 | 270): void {
  db.prepare(
    `INSERT INTO page_turns (attachment_id, page, turn) VALUES (?, ?, ?)
     ON CONFLICT (attachment_id, page) DO UPDATE SET turn = excluded.turn`,
  ).run(attachmentId, page, turn);
}

/** Takes back the clerk's turn of one page (the inspection's proposal, if any, applies again). */
export function clearTurn(db: Db, attachmentId: number, page: number): void {
  db.prepare('DELETE FROM page_turns WHERE attachment_id = ? AND page = ?').run(attachmentId, page);
}

/** Sets the order of a material's files; ids not in `order` keep their place after the listed ones. */
export function reorderAttachments(db: Db, applicationId: number, materialId: string, order: number[]): void {
  const current = (
    db
      .prepare('SELECT id FROM attachments WHERE application_id = ? AND material_id = ? ORDER BY position, id')
      .all(applicationId, materialId) as { id: number }[]
  ).map((r) => r.id);
  const wanted = [...order.filter((id) => current.includes(id)), ...current.filter((id) => !order.includes(id))];
  const update = db.prepare('UPDATE attachments SET position = ? WHERE id = ?');
  wanted.forEach((id, i) => update.run(i + 1, id));
}
