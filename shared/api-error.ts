/** How any error becomes the `ApiError` a caller shows the clerk (the API, the assembly worker, the shell). */
import { z } from 'zod';
import { isUserFacing } from './errors.ts';
import { fieldKey, fieldLabel } from './field-labels.ts';
import type { ApiError } from './result.ts';

/** Zod's own English messages (a wrong type, a missing key) are never shown: the clerk is told what to do instead. */
function clerkReason(message: string | undefined): string {
  return message && /[\u4e00-\u9fff]/.test(message) ? message : '内容或格式不对';
}

/** Names the field as the form labels it (never its internal path) and says what is wrong, in the clerk's words. */
export function describeInvalidInput(error: z.ZodError): string {
  const first = error.issues[0];
  const label = first?.path.length ? fieldLabel(fieldKey(first.path)) : null;
  return `${label ? `「${label}」` : '输入'}有误：${clerkReason(first?.message).replace(/[。.]$/, '')}。请改正后再试。`;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof z.ZodError) {
    const path = error.issues[0]?.path ?? [];
    return {
      code: 'invalid-input',
      message: describeInvalidInput(error),
      ...(path.length ? { field: fieldKey(path) } : {}),
    };
  }
  if (isUserFacing(error)) return { code: error.code, message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: `卷宗内部出错（${detail}）。已输入的内容没有丢失；请重试，如果反复出现，请把日志发给技术支持。`,
  };
}
