/** Handlers for the programme profiles (`shared/contract/profiles.ts`): list them, read one, import one the clerk was sent. */
import type { CoreHandlers } from '#shared/contract/index.ts';
import { UserFacingError } from '#shared/errors.ts';
import { draftProfile } from '#shared/profiles/draft/index.ts';
import { findProfileIn, importProfile, listProfiles } from '../profiles/registry.ts';
import type { ServiceContext } from './index.ts';

export function profileHandlers({
  dataDir,
}: ServiceContext): Pick<CoreHandlers, 'profiles:list' | 'profiles:get' | 'profiles:import' | 'profiles:draft'> {
  return {
    // Damaged files are skipped here; `listProfiles(dataDir).damaged` names them for whoever reports them.
    'profiles:list': () => listProfiles(dataDir).profiles,
    'profiles:get': ({ id }) => {
      const profile = findProfileIn(dataDir, id);
      if (!profile)
        throw new UserFacingError(
          'profile-unknown',
          `找不到申报方案“${id}”。请在首页「导入申报方案」导入该方案的文件。`,
        );
      return profile;
    },
    'profiles:import': ({ json, replace }) => importProfile(dataDir, json, { replace }),
    'profiles:draft': ({ text }) => {
      const { profile, gaps } = draftProfile(text);
      return { json: `${JSON.stringify(profile, null, 2)}\n`, title: profile.title, gaps };
    },
  };
}
