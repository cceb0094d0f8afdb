import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSession } from '../../lib/session';
import { answerPage } from '../../test/paged-api';
import { renderInConsole } from '../../test/render';
import { AccessReviewsPage } from './AccessReviewsPage';

const employees: Record<string, object> = {
  S01: { employeeId: 'S01', name: '陳怡君 Chen Yi-chun', role: 'supervisor', left: false },
  M01: { employeeId: 'M01', name: '王大明 Wang Ta-ming', role: 'manager', left: false },
};
const campaign = (id: string, title: string, startedAt: string) => ({
  id,
  title,
  team: 'A',
  dueAt: '2026-12-31T00:00:00Z',
  defaultDecision: 'revoke',
  startedBy: 'M01',
  startedAt,
  status: 'open',
  overdue: false,
  progress: { kept: 0, revoked: 0, defaulted: 0, undecided: 2 },
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } });

/** The API with `reviews` (newest first, as it pages them) one a page; `seen` collects the list's queries. */
function api(reviews: () => readonly ReturnType<typeof campaign>[], seen: URLSearchParams[]): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url, 'http://console.test');
    if (url.pathname === '/v1/access-reviews') {
      seen.push(url.searchParams);
      return json(answerPage(reviews(), url));
    }
    const employee = /^\/v1\/employees\/([^/]+)$/.exec(url.pathname);
    if (employee && employees[employee[1]!]) return json(employees[employee[1]!]);
    return json({ status: 404, code: 'NOT_FOUND', detail: `${url.pathname} does not exist` }, 404);
  };
}

const titles = () => screen.getAllByRole('row').slice(1).map((row) => within(row).getByRole('link').textContent);

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
  saveSession({ token: 'x.e30.y', employeeId: 'S01', expiresAt: Date.now() + 60_000, method: 'demo' });
});
afterEach(() => vi.unstubAllGlobals());

describe('AccessReviewsPage', () => {
  it('reads the campaigns a page at a time: "load more" while the server has more, which asks from its cursor and adds the rows below', async () => {
    const reviews = [campaign('r-2', 'B 組 2026 年第四季授權檢查', '2026-11-20T00:00:00Z'), campaign('r-1', 'A 組 2026 年第四季授權檢查', '2026-11-01T00:00:00Z')];
    const seen: URLSearchParams[] = [];
    vi.stubGlobal('fetch', api(() => reviews, seen));
    await renderInConsole(<AccessReviewsPage />);
    await screen.findByRole('link', { name: 'B 組 2026 年第四季授權檢查' });
    expect(titles()).toEqual(['B 組 2026 年第四季授權檢查']);
    expect(seen.map((query) => [query.get('limit'), query.get('cursor')])).toEqual([['50', null]]);
    await waitFor(() => expect(screen.getAllByText('王大明 Wang Ta-ming')).toHaveLength(1));

    fireEvent.click(screen.getByRole('button', { name: '載入更多' }));
    await screen.findByRole('link', { name: 'A 組 2026 年第四季授權檢查' });
    expect(titles()).toEqual(['B 組 2026 年第四季授權檢查', 'A 組 2026 年第四季授權檢查']);
    expect(seen.map((query) => [query.get('limit'), query.get('cursor')])).toEqual([['50', null], ['50', 'r-2']]);
    expect(screen.queryByRole('button', { name: '載入更多' })).toBeNull();
  });

  it('refreshes every page it loaded, keeping them and showing each campaign once', async () => {
    let reviews = [campaign('r-2', 'B 組 2026 年第四季授權檢查', '2026-11-20T00:00:00Z'), campaign('r-1', 'A 組 2026 年第四季授權檢查', '2026-11-01T00:00:00Z')];
    const seen: URLSearchParams[] = [];
    vi.stubGlobal('fetch', api(() => reviews, seen));
    await renderInConsole(<AccessReviewsPage />, 'en');
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await screen.findByRole('link', { name: 'A 組 2026 年第四季授權檢查' });

    // Someone decides an item of the campaign on the second page: the poll (every 5 s) reads both pages again.
    reviews = reviews.map((review) => (review.id === 'r-1' ? { ...review, progress: { kept: 1, revoked: 0, defaulted: 0, undecided: 1 } } : review));
    const older = () => screen.getAllByRole('row').find((row) => row.textContent?.includes('A 組 2026 年第四季授權檢查'))!;
    await waitFor(() => expect(within(older()).getByText('1 of 2 decided', { exact: false })).toBeTruthy(), { timeout: 15_000 });
    expect(titles()).toEqual(['B 組 2026 年第四季授權檢查', 'A 組 2026 年第四季授權檢查']);
    expect(seen.slice(2, 4).map((query) => query.get('cursor'))).toEqual([null, 'r-2']);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });
});
