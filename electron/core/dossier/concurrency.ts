/** Small helpers to keep sharp's thread pool busy while the main thread parses PDFs. */

/** Runs `work` on every item, at most `limit` at a time; outcomes keep the items' order; never rejects. */
export async function settleWithConcurrency<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = { status: 'fulfilled', value: await work(items[index]!) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Starts `work` for keys in `order` up to `ahead` positions before they are asked for, so that the next few
 * results are being made while the current one is written; the first `ahead` start at once, while whatever
 * comes before them is written. Each key is asked for once, in order.
 */
export class LookAhead<K, R> {
  private readonly started = new Map<K, Promise<R>>();
  private cursor = 0;
  constructor(
    private readonly order: K[],
    private readonly ahead: number,
    private readonly work: (key: K) => Promise<R>,
  ) {
    for (const key of order.slice(0, ahead)) this.start(key);
  }

  get(key: K): Promise<R> {
    const at = this.order.indexOf(key, this.cursor);
    if (at >= 0) this.cursor = at;
    for (let i = this.cursor; i < Math.min(this.order.length, this.cursor + this.ahead + 1); i += 1)
      this.start(this.order[i]!);
    const result = this.start(key);
    this.started.delete(key);
    return result;
  }

  private start(key: K): Promise<R> {
    let p = this.started.get(key);
    if (!p) {
      p = this.work(key);
      // A failure is reported when its key is asked for; until then it must not count as unhandled.
      p.catch(() => undefined);
      this.started.set(key, p);
    }
    return p;
  }
}
