/**
 * A paged list endpoint as the API answers one (`?limit=&cursor=` → `{ items, nextCursor }`), for
 * tests: `pageSize` rows after the cursor, which is the last row's id (a keyset cursor), whatever
 * limit was asked — a server may answer fewer rows than asked.
 */
export function answerPage<T extends { readonly id: string }>(rows: readonly T[], url: URL, pageSize = 1): { items: T[]; nextCursor: string | null } {
  const cursor = url.searchParams.get('cursor');
  const start = cursor === null ? 0 : rows.findIndex((row) => row.id === cursor) + 1;
  const items = rows.slice(start, start + pageSize);
  const last = items[items.length - 1];
  return { items, nextCursor: start + pageSize < rows.length && last !== undefined ? last.id : null };
}
