import { assembleDossier, assembleDossierInWorker } from '../dossier/index.ts';
import { runAssemblyRequest } from '../dossier/request.ts';
import type { AssemblyRunner } from './dossier-jobs.ts';

/** The core's runner: the dossier on a worker thread, so the process that serves the window stays responsive. */
export const assembleInWorkerThread: AssemblyRunner = (request, control) =>
  runAssemblyRequest(request, control, assembleDossierInWorker);

/** For a process that does nothing else (a bundled child, a utility process): no second thread needed. */
export const assembleInThisThread: AssemblyRunner = (request, control) =>
  runAssemblyRequest(request, control, assembleDossier);
