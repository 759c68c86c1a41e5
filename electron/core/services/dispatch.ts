import { z } from 'zod';
import { contract, type Channel, type Handlers } from '../../../shared/contract/index.ts';
import { isUserFacing } from '../../../shared/errors.ts';
import { fieldKey, fieldLabel } from '../../../shared/field-labels.ts';
import type { ApiError, ApiResult } from '../../../shared/result.ts';

function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

/** Zod's own English messages (a wrong type, a missing key) are never shown: the clerk is told what to do instead. */
function clerkReason(message: string | undefined): string {
  return message && /[\u4e00-\u9fff]/.test(message) ? message : '内容或格式不对';
}

/** Names the field as the form labels it and says what is wrong with it, in the clerk's words. */
export function describeInvalidInput(error: z.ZodError): string {
  const first = error.issues[0];
  const label = first?.path.length ? fieldLabel(fieldKey(first.path)) : null;
  return `${label ? `「${label}」` : '输入'}有误：${clerkReason(first?.message).replace(/[。.]$/, '')}。请改正后再试。`;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof z.ZodError) {
    const path = error.issues[0]?.path ?? [];
    return { code: 'invalid-input', message: describeInvalidInput(error), ...(path.length ? { field: fieldKey(path) } : {}) };
  }
  if (isUserFacing(error)) return { code: error.code, message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: `卷宗内部出错（${detail}）。已输入的内容没有丢失；请重试，如果反复出现，请把日志发给技术支持。`,
  };
}

/**
 * The one entry into the core from any transport (Electron's IPC, the end-to-end tests' binding): checks the
 * channel, validates the input with its schema, runs the handler, and answers a result rather than throwing.
 */
export async function dispatch(handlers: Partial<Handlers>, channel: string, input: unknown): Promise<ApiResult<unknown>> {
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
