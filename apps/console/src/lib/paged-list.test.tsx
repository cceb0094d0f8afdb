import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { type Page, type PageRequest, usePagedList } from './paged-list';

const row = (id: string) => ({ id });

describe('usePagedList', () => {
  it('shows a row once when a later page repeats it (it moved between pages while they were read)', async () => {
    const asked: PageRequest[] = [];
    const pages: Record<string, Page<{ id: string }>> = { first: { items: [row('a'), row('b')], nextCursor: 'b' }, b: { items: [row('b'), row('c')], nextCursor: null } };
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const fetchPage = async (request: PageRequest) => {
      asked.push(request);
      return pages[request.cursor ?? 'first']!;
    };
    const { result } = renderHook(() => usePagedList(['rows'], fetchPage), { wrapper });
    await waitFor(() => expect(result.current.hasMore).toBe(true));
    act(() => result.current.fetchMore());
    await waitFor(() => expect(result.current.hasMore).toBe(false));
    expect(result.current.items.map((item) => item.id)).toEqual(['a', 'b', 'c']);
    expect(asked).toEqual([{ limit: '50' }, { limit: '50', cursor: 'b' }]);
  });
});
