/** Handlers for the programme profiles (`shared/contract/profiles.ts`): list them, import one the clerk was sent. */
import type { CoreHandlers } from '../../../shared/contract/index.ts';
import { importProfile, listProfiles } from '../profiles/registry.ts';
import type { ServiceContext } from './index.ts';

export function profileHandlers({ dataDir }: ServiceContext): Pick<CoreHandlers, 'profiles:list' | 'profiles:import'> {
  return {
    // Damaged files are skipped here; `listProfiles(dataDir).damaged` names them for whoever reports them.
    'profiles:list': () => listProfiles(dataDir).profiles,
    'profiles:import': ({ json, replace }) => importProfile(dataDir, json, { replace }),
  };
}
