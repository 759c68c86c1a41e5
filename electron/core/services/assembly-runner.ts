import { assembleDossier } from '../dossier/index.ts';
import type { AssemblyRunner } from './dossier-jobs.ts';

/** The CLI's and the tests' runner: the assembler in this process. */
export const assembleInProcess: AssemblyRunner = async (request, control) => {
  const { pageMap } = await assembleDossier(request, control);
  return pageMap;
};
