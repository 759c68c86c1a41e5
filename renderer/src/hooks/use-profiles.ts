import { useCallback, useEffect, useState } from 'react';
import type { ProfileSummary } from '#shared/contract/profiles.ts';
import type { Profile } from '#shared/profiles/index.ts';
import { call, errorMessage } from '../api.ts';

// A profile never changes under a running window except by import, which adds a new id or replaces one on purpose;
// caching per id saves a round trip on every screen that needs it.
const cache = new Map<string, Promise<Profile>>();

/** One whole profile from the core (built-in or imported), read once per window. */
export function loadProfile(id: string, fresh = false): Promise<Profile> {
  if (fresh) cache.delete(id);
  let pending = cache.get(id);
  if (!pending) {
    pending = call('profiles:get', { id });
    pending.catch(() => cache.delete(id));
    cache.set(id, pending);
  }
  return pending;
}

export function useProfile(id: string | undefined): { profile?: Profile; error?: string } {
  const [state, setState] = useState<{ id?: string; profile?: Profile; error?: string }>({});
  useEffect(() => {
    if (!id) return;
    let live = true;
    loadProfile(id).then(
      (profile) => live && setState({ id, profile }),
      (e: unknown) => live && setState({ id, error: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return state.id === id ? { profile: state.profile, error: state.error } : {};
}

/** The profiles the clerk can apply under, newest year first. */
export function useProfileList(): { profiles: ProfileSummary[]; error?: string; reload: () => Promise<void> } {
  const [profiles, setProfiles] = useState<ProfileSummary[]>([]);
  const [error, setError] = useState<string>();
  const reload = useCallback(async () => {
    try {
      setProfiles(await call('profiles:list', {}));
      setError(undefined);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { profiles, error, reload };
}
