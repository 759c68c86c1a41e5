import { contract, type Channel, type Handlers } from '#shared/contract/index.ts';
import { toApiError } from '#shared/api-error.ts';
import type { ApiResult } from '#shared/result.ts';

function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

/**
 * The one entry into the core from any transport (Electron's IPC, the end-to-end tests' binding): checks the
 * channel, validates the input with its schema, runs the handler, and answers a result rather than throwing.
 */
export async function dispatch(
  handlers: Partial<Handlers>,
  channel: string,
  input: unknown,
): Promise<ApiResult<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `没有名为 ${channel} 的操作。请升级卷宗。` } };
  }
  const handler = handlers[channel] as ((a: unknown) => unknown) | undefined;
  if (!handler) {
    return { ok: false, error: { code: 'unavailable', message: '这项操作只能在卷宗桌面程序中使用。' } };
  }
  try {
    const args = contract[channel].input.parse(input ?? {});
    return { ok: true, value: await handler(args) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}
