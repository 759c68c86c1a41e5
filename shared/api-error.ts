/** How any error becomes the `ApiError` a caller shows the clerk (the API, the assembly worker, the shell). */
import { z } from 'zod';
import { isUserFacing } from './errors.ts';
import type { ApiError } from './result.ts';

/** Names the field and says what is wrong with it, in the clerk's words. */
export function describeInvalidInput(error: z.ZodError): string {
  const first = error.issues[0];
  const where = first?.path.length ? `「${first.path.join('.')}」` : '';
  return `输入有误${where}：${first?.message ?? '格式不对'}。请改正后再试。`;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof z.ZodError) return { code: 'invalid-input', message: describeInvalidInput(error) };
  if (isUserFacing(error)) return { code: error.code, message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: `卷宗内部出错（${detail}）。已输入的内容没有丢失；请重试，如果反复出现，请把日志发给技术支持。`,
  };
}
