import { useCallback, useEffect, useState } from 'react';
import type { FilePages } from '#shared/contract/index.ts';
import { call, errorMessage } from '../api.ts';
import type { PageChoice } from '../components/page-badges.ts';

/** The core tells no one when a file's inspection ends: the window asks again, less often the longer it takes. */
const FIRST_ASK_MS = 400;
const LATEST_ASK_MS = 4000;

export interface FilePagesState {
  pages: FilePages | null;
  /** Why the pages could not be read or a decision not saved, in the clerk's words. */
  error: string | null;
  decide: (page: number, choice: PageChoice) => Promise<void>;
  /** Puts the pages in this order (page numbers as printed; null: the file's own order). */
  reorder: (order: number[] | null) => Promise<void>;
}

/**
 * One attached file's pages with their findings, proposals and the clerk's decisions (`pages:get`), asked again
 * while the inspection is pending. `decide` saves a decision through `save`, `reorder` an order through `saveOrder`
 * (each answers the refreshed pages).
 */
export function useFilePages(
  attachmentId: number,
  save: (page: number, choice: PageChoice) => Promise<FilePages | null>,
  saveOrder: (order: number[] | null) => Promise<FilePages | null>,
): FilePagesState {
  const [pages, setPages] = useState<FilePages | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let gone = false;
    let timer: number | undefined;
    let wait = FIRST_ASK_MS;
    const ask = async () => {
      try {
        const next = await call('pages:get', { attachmentId });
        if (gone) return;
        setPages(next);
        setError(null);
        if (next.inspection !== 'pending') return;
        timer = window.setTimeout(() => void ask(), wait);
        wait = Math.min(wait * 1.5, LATEST_ASK_MS);
      } catch (e) {
        if (!gone) setError(errorMessage(e));
      }
    };
    void ask();
    return () => {
      gone = true;
      window.clearTimeout(timer);
    };
  }, [attachmentId]);

  const decide = useCallback(
    async (page: number, choice: PageChoice) => {
      const next = await save(page, choice);
      if (next) setPages(next);
    },
    [save],
  );
  const reorder = useCallback(
    async (order: number[] | null) => {
      const next = await saveOrder(order);
      if (next) setPages(next);
    },
    [saveOrder],
  );
  return { pages, error, decide, reorder };
}
