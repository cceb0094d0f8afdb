import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

/** One answer of a paged list endpoint (`?limit=&cursor=` → `{ items, nextCursor }`). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** What one request asks for: the page size, and after the first page the cursor the last answer gave. */
export interface PageRequest {
  readonly limit: string;
  readonly cursor?: string;
}

/** Rows asked for per request: enough to fill a screen of the table, small enough to answer fast. */
export const PAGE_SIZE = 50;

/** A server list as far as it was read: the rows so far, and whether (and how) to read on. */
export interface PagedList<T> {
  readonly items: readonly T[];
  readonly error: unknown;
  readonly isLoading: boolean;
  /** The server said there is more (the last page had a nextCursor). */
  readonly hasMore: boolean;
  readonly isFetchingMore: boolean;
  readonly fetchMore: () => void;
}

/**
 * Every list the API pages, read a page at a time (TanStack Query's infinite query): the person
 * asks for the next page, so nothing is dropped silently and nothing is fetched unasked. A refetch
 * (refetchInterval, an invalidation after a command) reads again as many pages as were loaded,
 * each from the cursor of the page just re-read, so loaded pages stay and no row shows twice (where
 * rows arrive at the top, in a newest-first list, the last loaded row moves back behind "load
 * more", which then shows); rows are also kept once by id, should one move between pages while
 * they are re-read.
 *
 * Rows show in the server's order. Where it pages oldest first (the record kinds: meetings,
 * suggestions, reports, escalations, assessments, inspections) the list shows oldest first and
 * "load more" brings later ones: reversing each loaded page would put a later page's rows above
 * earlier ones in no single order, and newest first overall would mean reading every page first.
 */
export function usePagedList<T extends { readonly id: string }>(
  queryKey: QueryKey,
  fetchPage: (request: PageRequest) => Promise<Page<T>>,
  options: { readonly enabled?: boolean; readonly refetchInterval?: number } = {},
): PagedList<T> {
  const query = useInfiniteQuery({
    queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage({ limit: String(PAGE_SIZE), ...(pageParam === undefined ? {} : { cursor: pageParam }) }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
    ...(options.refetchInterval === undefined ? {} : { refetchInterval: options.refetchInterval, refetchIntervalInBackground: false }),
  });
  const pages = query.data?.pages;
  const items = useMemo(() => {
    const seen = new Set<string>();
    const firstTime = (item: T): boolean => {
      if (seen.has(item.id)) return false;
      seen.add(item.id);
      return true;
    };
    return (pages ?? []).flatMap((page) => page.items.filter(firstTime));
  }, [pages]);
  const { fetchNextPage, isFetchingNextPage, hasNextPage } = query;
  return {
    items,
    error: query.error,
    isLoading: query.isLoading,
    hasMore: hasNextPage,
    isFetchingMore: isFetchingNextPage,
    fetchMore: () => void fetchNextPage(),
  };
}
