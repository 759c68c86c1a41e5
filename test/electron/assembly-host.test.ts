import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { isHostMessage, isWorkerMessage } from '../../shared/assembly-protocol.ts';
import { AssemblyHost, type Fork } from '../../electron/main/assembly-host.ts';

/** A stand-in for a `UtilityProcess`: records what the host posts; the test plays the worker. */
class FakeWorker extends EventEmitter {
  posted: unknown[] = [];
  killed = false;
  stdout = null;
  stderr = null;
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  kill() {
    this.killed = true;
    queueMicrotask(() => this.emit('exit', 137));
    return true;
  }
  answer(message: unknown, exitCode: number | null = 0) {
    this.emit('message', message);
    if (exitCode !== null) this.emit('exit', exitCode);
  }
}

function host(killAfterMs = 50) {
  const workers: FakeWorker[] = [];
  const forked: Array<{ modulePath: string; options: unknown }> = [];
  const fork = ((modulePath: string, _args?: string[], options?: unknown) => {
    forked.push({ modulePath, options });
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  }) as unknown as Fork;
  return { workers, forked, host: new AssemblyHost({ fork, workerPath: '/app/out/main/assembly-worker.cjs', killAfterMs }) };
}

const request = { manifest: { materials: [] }, baseDir: '/d/inputs', outPath: '/d/dossier.pdf', checklistPath: '/d/checklist.pdf' };

describe('AssemblyHost', () => {
  it('forks the worker, sends the request, reports progress and answers the page map', async () => {
    const { workers, forked, host: h } = host();
    const progress: Array<[number, number]> = [];
    const result = h.run(request, { onProgress: (d, t) => progress.push([d, t]), signal: new AbortController().signal });
    expect(forked).toEqual([{ modulePath: '/app/out/main/assembly-worker.cjs', options: expect.objectContaining({ stdio: 'pipe' }) }]);
    const worker = workers[0]!;
    expect(worker.posted).toEqual([{ type: 'start', request }]);
    worker.answer({ type: 'progress', done: 1, total: 3 }, null);
    worker.answer({ type: 'progress', done: 3, total: 3 }, null);
    worker.answer({ type: 'done', pageMap: [{ materialId: 'licence', from: 3, to: 4 }] });
    await expect(result).resolves.toEqual([{ materialId: 'licence', from: 3, to: 4 }]);
    expect(progress).toEqual([
      [1, 3],
      [3, 3],
    ]);
  });

  it('passes the worker’s error on with its code', async () => {
    const { workers, host: h } = host();
    const result = h.run(request, { onProgress: () => {}, signal: new AbortController().signal });
    workers[0]!.answer({ type: 'error', code: 'pdf-needs-password', message: '「x.pdf」需要密码' });
    await expect(result).rejects.toMatchObject({ code: 'pdf-needs-password', message: '「x.pdf」需要密码' });
  });

  it('reports a worker that dies without answering as a crash, and the window lives on', async () => {
    const { workers, host: h } = host();
    const result = h.run(request, { onProgress: () => {}, signal: new AbortController().signal });
    workers[0]!.answer({ type: 'progress', done: 1, total: 9 }, 134);
    await expect(result).rejects.toMatchObject({ code: 'assembly-crashed' });
  });

  it('sends cancel on abort, and kills a worker that does not stop', async () => {
    const { workers, host: h } = host(20);
    const abort = new AbortController();
    const result = h.run(request, { onProgress: () => {}, signal: abort.signal });
    abort.abort();
    expect(workers[0]!.posted.at(-1)).toEqual({ type: 'cancel' });
    await expect(result).rejects.toMatchObject({ code: 'cancelled' });
    expect(workers[0]!.killed).toBe(true);
  });

  it('ends the worker as soon as it has answered, cancelled or not, without waiting for the kill timer', async () => {
    vi.useFakeTimers();
    try {
      const { workers, host: h } = host(60_000);
      const abort = new AbortController();
      const result = h.run(request, { onProgress: () => {}, signal: abort.signal });
      abort.abort();
      workers[0]!.answer({ type: 'error', code: 'cancelled', message: '已取消生成卷宗。' }, null);
      await expect(result).rejects.toMatchObject({ code: 'cancelled' });
      expect(workers[0]!.killed).toBe(true);

      const done = h.run(request, { onProgress: () => {}, signal: new AbortController().signal });
      workers[1]!.answer({ type: 'done', pageMap: [] }, null);
      await expect(done).resolves.toEqual([]);
      expect(workers[1]!.killed).toBe(true);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not fork at all for a request cancelled before it starts', async () => {
    const { forked, host: h } = host();
    const abort = new AbortController();
    abort.abort();
    await expect(h.run(request, { onProgress: () => {}, signal: abort.signal })).rejects.toMatchObject({ code: 'cancelled' });
    expect(forked).toEqual([]);
  });

  it('checks the messages both ways', () => {
    expect(isWorkerMessage({ type: 'progress', done: 1, total: 2 })).toBe(true);
    expect(isWorkerMessage({ type: 'progress', done: '1' })).toBe(false);
    expect(isWorkerMessage({ type: 'done', pageMap: [] })).toBe(true);
    expect(isWorkerMessage({ type: 'error', code: 'x' })).toBe(false);
    expect(isWorkerMessage(null)).toBe(false);
    expect(isHostMessage({ type: 'start', request })).toBe(true);
    expect(isHostMessage({ type: 'cancel' })).toBe(true);
    expect(isHostMessage({ type: 'start' })).toBe(false);
  });
});
