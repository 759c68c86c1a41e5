/** Worker-thread entry of the inspection: inspects the files it is sent, one at a time, and posts each result. */
import { parentPort } from 'node:worker_threads';
import type { FileInspection } from '#shared/page-findings.ts';
import { inspectFile } from './inspect-file.ts';
import { stopOsd } from './osd.ts';

export type InspectRequest = { type: 'inspect'; file: string } | { type: 'stop' };
export type InspectReply = { type: 'ready' } | { type: 'done'; result: FileInspection };

const port = parentPort!;
port.on('message', (message: InspectRequest) => {
  if (message.type === 'stop') {
    void stopOsd().finally(() => port.close());
    return;
  }
  void inspectFile(message.file).then((result) => port.postMessage({ type: 'done', result } satisfies InspectReply));
});
port.postMessage({ type: 'ready' } satisfies InspectReply);
