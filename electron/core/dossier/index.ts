/**
 * The dossier engine: plans and draws the one A4 PDF the clerk prints and binds.
 * - `planDossier`: the page plan, pure data (which page goes where, its number, its marks).
 * - `assembleDossier`: manifest → PDF file (in-process); `assembleDossierInWorker`: the same off the UI thread.
 * - `inspectInput`: a file's kind and pages, or a DossierInputError when the dossier cannot take it.
 * - `writeChecklist`: the A4 checklist that goes with the dossier.
 */
export { planDossier, placePage, isA4Portrait, COVER_TITLE, TOC_TITLE } from './plan.ts';
export { assembleDossier, todayInShanghai, type AssembleInput, type AssembleOptions, type AssembleResult } from './assemble.ts';
export { inspectInput, type InputSummary } from './prepare.ts';
export { assertOutputFolder, DossierInputError, type DossierInputErrorCode } from './errors.ts';
export type * from './types.ts';
export { writeChecklist, type ChecklistInput } from './checklist.ts';
export { assembleDossierInWorker, type WorkerOptions } from './worker.ts';
