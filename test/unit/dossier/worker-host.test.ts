/**
 * The assembly host's side of the protocol, against a worker the test plays: what it sends, how it reports
 * progress, answers, refusals, crashes and cancels, and what it ignores. The real worker, forked from the bundle the
 * installer ships, is in test/pdf/dossier/shipped-worker.test.ts.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHostMessage, parseWorkerMessage, type HostMessage } from '#shared/assembly-protocol.ts';
import { manifest as manifestSchema } from '#shared/manifest.ts';
import { AssemblyError, AssemblyHost, type AssemblyChild } from '../../../electron/core/dossier/assembly-host.ts';
import type { AssemblyRequest } from '../../../electron/core/dossier/request.ts';
import { fixtureManifest } from '../../fixtures/dossier-fixtures.ts';

/** A worker the test plays: records what the host posts, answers when told. */
class PlayedWorker extends EventEmitter implements AssemblyChild {
  readonly pid = undefined;
  posted: HostMessage[] = [];
  killed = false;
  post(message: HostMessage) {
    this.posted.push(message);
  }
  onMessage(listener: (message: unknown) => void) {
    this.on('message', listener);
  }
  onExit(listener: (code: number | null) => void) {
    this.once('exit', listener);
  }
  kill() {
    this.killed = true;
    queueMicrotask(() => this.emit('exit', null));
  }
  answer(message: unknown) {
    this.emit('message', message);
  }
}

function playedHost(killAfterMs = 50) {
  const workers: PlayedWorker[] = [];
  const forked: string[] = [];
  const warnings: string[] = [];
  const fork = (workerPath: string) => {
    forked.push(workerPath);
    const worker = new PlayedWorker();
    workers.push(worker);
    return worker;
  };
  const log = { info: () => undefined, warn: (message: string) => void warnings.push(message) };
  return {
    workers,
    forked,
    warnings,
    host: new AssemblyHost({ fork, workerPath: '/app/out/main/assembly-worker.cjs', killAfterMs, log }),
  };
}

const request: AssemblyRequest = {
  manifest: manifestSchema.parse(fixtureManifest({ duplex: true, sealMarkers: true })),
  baseDir: '/d/inputs',
  outPath: '/d/dossier.pdf',
  checklistPath: '/d/checklist.pdf',
  findings: [
    {
      severity: 'warning',
      code: 'contact-shared',
      subject: 'applicant.phone',
      message: '联系电话与另一家申报单位相同',
    },
  ],
};
const pageMap = {
  pages: 4,
  sections: [{ id: 'cover', title: '封面', firstPage: 1, lastPage: 1, firstNumber: 0, lastNumber: 0 }],
  blankPages: [2],
  warnings: [],
  notices: [],
};
const running = () => ({ onProgress: () => undefined, signal: new AbortController().signal });

afterEach(() => vi.useRealTimers());

describe('the assembly host', () => {
  it('forks the worker, sends the request, reports progress, answers the page map and ends the worker', async () => {
    const { workers, forked, host } = playedHost();
    const progress: [number, number][] = [];
    const result = host.run(request, {
      onProgress: (d, t) => progress.push([d, t]),
      signal: new AbortController().signal,
    });
    expect(forked).toEqual(['/app/out/main/assembly-worker.cjs']);
    const worker = workers[0]!;
    expect(worker.posted).toEqual([{ type: 'start', request }]);
    worker.answer({ type: 'progress', done: 0, total: 4 });
    worker.answer({ type: 'progress', done: 4, total: 4 });
    worker.answer({ type: 'done', pageMap });
    await expect(result).resolves.toEqual(pageMap);
    expect(progress).toEqual([
      [0, 4],
      [4, 4],
    ]);
    expect(worker.killed).toBe(true);
  });

  it('rejects with the worker’s refusal: its code, the clerk’s message and the file to blame', async () => {
    const { workers, host } = playedHost();
    const result = host.run(request, running());
    workers[0]!.answer({ type: 'error', code: 'damaged', message: 'PDF“x.pdf”已损坏', file: '/d/inputs/x.pdf' });
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssemblyError);
    expect(error).toMatchObject({ code: 'damaged', message: 'PDF“x.pdf”已损坏', file: '/d/inputs/x.pdf' });
  });

  it('logs an internal error’s stack but shows the clerk only the message', async () => {
    const { workers, warnings, host } = playedHost();
    const result = host.run(request, running());
    workers[0]!.answer({
      type: 'error',
      code: 'internal',
      message: '生成卷宗时内部出错（x）。',
      detail: 'Error: x\n    at draw.ts:1',
    });
    await expect(result).rejects.toMatchObject({ code: 'internal', message: '生成卷宗时内部出错（x）。' });
    expect(warnings.some((w) => w.includes('at draw.ts:1'))).toBe(true);
  });

  it('reports a worker that dies without answering as a crash', async () => {
    const { workers, host } = playedHost();
    const result = host.run(request, running());
    workers[0]!.answer({ type: 'progress', done: 1, total: 9 });
    workers[0]!.emit('exit', 134);
    await expect(result).rejects.toMatchObject({ code: 'assembly-crashed' });
  });

  it('ignores and logs messages that are not the protocol’s, and keeps waiting for the answer', async () => {
    const { workers, warnings, host } = playedHost();
    const result = host.run(request, running());
    workers[0]!.answer({ type: 'progress', done: '1' });
    workers[0]!.answer({ type: 'done', pageMap: { pages: 'many' } });
    workers[0]!.answer('hello');
    expect(warnings).toHaveLength(3);
    workers[0]!.answer({ type: 'done', pageMap });
    await expect(result).resolves.toEqual(pageMap);
  });

  it('sends cancel on abort, and kills a worker that has not stopped when the grace time is up', async () => {
    vi.useFakeTimers();
    const { workers, host } = playedHost(5000);
    const abort = new AbortController();
    const result = host.run(request, { onProgress: () => undefined, signal: abort.signal }).catch((e: unknown) => e);
    abort.abort();
    expect(workers[0]!.posted.at(-1)).toEqual({ type: 'cancel' });
    await vi.advanceTimersByTimeAsync(4999);
    expect(workers[0]!.killed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(workers[0]!.killed).toBe(true);
    expect(await result).toMatchObject({ code: 'cancelled' });
  });

  it('ends a cancelled worker as soon as it answers, leaving no timer behind', async () => {
    vi.useFakeTimers();
    const { workers, host } = playedHost(60_000);
    const abort = new AbortController();
    const result = host.run(request, { onProgress: () => undefined, signal: abort.signal });
    abort.abort();
    workers[0]!.answer({ type: 'error', code: 'cancelled', message: '已取消生成卷宗，没有写出文件。' });
    await expect(result).rejects.toMatchObject({ code: 'cancelled' });
    expect(workers[0]!.killed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not fork at all for a request cancelled before it starts', async () => {
    const { forked, host } = playedHost();
    const abort = new AbortController();
    abort.abort();
    await expect(host.run(request, { onProgress: () => undefined, signal: abort.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(forked).toEqual([]);
  });

  it('kills every running worker on quit', () => {
    const { workers, host } = playedHost();
    void host.run(request, running()).catch(() => undefined);
    void host.run(request, running()).catch(() => undefined);
    host.killAll();
    expect(workers.map((w) => w.killed)).toEqual([true, true]);
  });
});

describe('the assembly protocol', () => {
  it('takes the messages it defines, both ways, and nothing else', () => {
    expect(parseWorkerMessage({ type: 'progress', done: 1, total: 2 })).toEqual({
      type: 'progress',
      done: 1,
      total: 2,
    });
    expect(parseWorkerMessage({ type: 'progress', done: -1, total: 2 })).toBeUndefined();
    expect(parseWorkerMessage({ type: 'done', pageMap })).toEqual({ type: 'done', pageMap });
    expect(parseWorkerMessage({ type: 'error', code: 'x' })).toBeUndefined();
    expect(parseWorkerMessage(null)).toBeUndefined();
    expect(parseHostMessage({ type: 'start', request })).toEqual({ type: 'start', request });
    expect(parseHostMessage({ type: 'cancel' })).toEqual({ type: 'cancel' });
    expect(parseHostMessage({ type: 'start' })).toBeUndefined();
    expect(parseHostMessage({ type: 'start', request: { ...request, manifest: { profile: 'x' } } })).toBeUndefined();
  });
});
