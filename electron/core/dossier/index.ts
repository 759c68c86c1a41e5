/**
 * The dossier engine: plans and draws the one A4 PDF the clerk prints and binds.
 * - `planDossier`: the page plan, pure data (which page goes where, its number, its marks).
 * - `assembleDossier`: manifest → PDF file (in-process); `AssemblyHost`: the same in a worker process of its own.
 * - `inspectInput`: a file's kind and pages, or a DossierInputError when the dossier cannot take it.
 * - `writeChecklist`: the A4 checklist that goes with the dossier.
 */
export { planDossier, placePage, isA4Portrait, COVER_TITLE, TOC_TITLE } from './plan.ts';
export {
  assembleDossier,
  todayInShanghai,
  type AssembleInput,
  type AssembleOptions,
  type AssembleResult,
} from './assemble.ts';
export { inspectInput, type InputSummary } from './prepare.ts';
export { assertOutputFolder, DossierInputError, type DossierInputErrorCode } from './errors.ts';
export type * from './types.ts';
export { writeChecklist, type ChecklistInput } from './checklist.ts';
export {
  AssemblyHost,
  AssemblyError,
  type AssemblyChild,
  type AssemblyControl,
  type ForkAssemblyWorker,
} from './assembly-host.ts';
export { defaultWorkerPath, forkNodeProcess, nodeAssemblyHost } from './assembly-fork.ts';
export { runAssemblyRequest, type AssemblyRequest } from './request.ts';
