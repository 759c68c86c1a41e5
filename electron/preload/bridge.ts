/**
 * Builds the `BridgeApi` object: one named function per channel of the contract (`juanzong.applicants.list(…)`),
 * each calling `invoke(channel, input)`. No generic `invoke(channel)` is ever handed to the page.
 */
import { channels, splitChannel, type BridgeApi, type Channel } from '#shared/contract/index.ts';

export type Invoke = (channel: Channel, input: unknown) => Promise<unknown>;

export function buildBridgeApi(invoke: Invoke): BridgeApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of channels) {
    const [domain, verb] = splitChannel(channel);
    (api[domain] ??= {})[verb] = (input?: unknown) => invoke(channel, input ?? {});
  }
  return api as unknown as BridgeApi;
}
