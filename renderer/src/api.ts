import type { BridgeApi, Channel, ChannelInput, ChannelOutput } from '#shared/contract/index.ts';
import { splitChannel } from '#shared/contract/index.ts';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or bound by the end-to-end tests: the only way to the core. */
    juanzong?: BridgeApi;
  }
}

/** An API call that failed: `message` is already in the clerk's words. */
export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The input field it is about (`contract.serviceTo`), when the core named one. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Calls one channel and unwraps its result, throwing the error the core described. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const [domain, verb] = splitChannel(channel);
  const method = (window.juanzong as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)?.[
    domain
  ]?.[verb];
  if (!method) throw new ApiCallError('no-bridge', '卷宗的后台没有启动。请关闭窗口后重新打开卷宗。');
  const result = (await method(input)) as
    { ok: true; value: ChannelOutput<C> } | { ok: false; error: { code: string; message: string; field?: string } };
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message, result.error.field);
  return result.value;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
