import { schemaVersion } from '../db/queries/database-file.ts';
import type { ServiceContext } from './index.ts';
import type { Handlers } from '#shared/contract/index.ts';

export function appHandlers(ctx: ServiceContext): Pick<Handlers, 'app:info'> {
  return {
    'app:info': () => ({
      version: ctx.version,
      dataDir: ctx.dataDir,
      schemaVersion: schemaVersion(ctx.db),
    }),
  };
}
