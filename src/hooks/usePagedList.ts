import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@contract/appeals.constants';
import { toApiError, type ApiError } from '@/api/errors';

export interface PagedList<T> {
  items: T[];
  total: number;
  /** The first page is loading (after a filter change or a retry). */
  loading: boolean;
  /** The first page failed. */
  error: ApiError | undefined;
  loadingMore: boolean;
  /** A later page failed; the items already shown stay. */
  moreError: ApiError | undefined;
  hasMore: boolean;
  loadMore: () => void;
  /** Load the first page again; `quiet` keeps the current items on screen meanwhile. */
  reload: (quiet?: boolean) => void;
}

/** A list loaded page by page ("加载更多"); starts over whenever `deps` change. */
export function usePagedList<T extends { id: string }>(load: (page: number) => Promise<Page<T>>, deps: unknown[]): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError>();
  const [attempt, setAttempt] = useState({ n: 0, quiet: false });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const mine = ++generation.current;
    if (!attempt.quiet) {
      setLoading(true);
      setItems([]);
      setTotal(0);
    }
    setError(undefined);
    setMoreError(undefined);
    setLoadingMore(false);
    loadRef.current(1).then(
      (result) => {
        if (mine !== generation.current) return;
        setItems(result.items);
        setTotal(result.total);
        setPage(1);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== generation.current) return;
        setError(toApiError(err));
        setLoading(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  const hasMore = !loading && !error && items.length < total;

  const loadMore = useCallback(() => {
    if (!hasMore || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreError(undefined);
    loadRef.current(page + 1).then(
      (result) => {
        if (mine !== generation.current) return;
        setItems((prev) => {
          // A new item arriving between pages shifts the list; do not show an item twice.
          const seen = new Set(prev.map((item) => item.id));
          return [...prev, ...result.items.filter((item) => !seen.has(item.id))];
        });
        setTotal(result.total);
        setPage(page + 1);
        setLoadingMore(false);
      },
      (err: unknown) => {
        if (mine !== generation.current) return;
        setMoreError(toApiError(err));
        setLoadingMore(false);
      },
    );
  }, [hasMore, loadingMore, page]);

  const reload = useCallback((quiet = false) => setAttempt((a) => ({ n: a.n + 1, quiet })), []);

  return { items, total, loading, error, loadingMore, moreError, hasMore, loadMore, reload };
}
