/**
 * Binds every channel of the contract to `ipcMain.handle`, once. Each call is checked twice before any handler
 * runs: the frame that sent it must be a top-level page of ours (`app://juanzong/…`), and `dispatch` validates the
 * input against the channel's schema. Answers are `ApiResult`s: errors travel as values.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels, type Handlers } from '#shared/contract/index.ts';
import type { ApiResult } from '#shared/result.ts';
import { dispatch } from '../core/services/dispatch.ts';
import { isAppUrl } from './security.ts';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * The sender is trusted when its frame still exists, is the top frame (not an iframe) and shows one of our pages.
 * Like VS Code's `validateEvent`: the URL of the frame, not of the WebContents, which may host other frames.
 */
export const isTrustedSender: SenderCheck = (event) => {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
};

export const foreignSenderError = {
  code: 'forbidden',
  message: '这个请求不是来自卷宗自己的页面，已拒绝。请关闭其他窗口后重试。',
} as const;

/**
 * Registers one handler per channel and answers a function that removes them again (for a clean quit, and tests).
 *
 * @example
 * const unregister = registerIpc(ipcMain, { ...services.handlers, ...shellHandlers(…) }, isTrustedSender);
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  isTrusted: SenderCheck,
): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrusted(event)) return Promise.resolve({ ok: false, error: { ...foreignSenderError } });
      return dispatch(handlers, channel, input);
    });
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}
