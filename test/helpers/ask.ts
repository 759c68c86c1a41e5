/** Calling the core's services as the window does: through `dispatch`, with the contract's validation. */
import { dispatch } from '../../electron/core/services/dispatch.ts';
import type { Services } from '../../electron/core/services/index.ts';

/** One call on a channel; a refusal throws with its code and Chinese message. */
export async function ask<T>(services: Services, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(services.handlers, channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
