import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSession } from '../../lib/session';
import { answerPage } from '../../test/paged-api';
import { renderInConsole } from '../../test/render';
import { MeetingsPage } from './MeetingsPage';

const employees: Record<string, object> = {
  E101: { employeeId: 'E101', name: '黃小玲 Huang Hsiao-ling', role: 'agent', left: false },
  S01: { employeeId: 'S01', name: '陳怡君 Chen Yi-chun', role: 'supervisor', left: false },
};
const meeting = (id: string, heldAt: string, minutes: string) => ({ id, kind: 'supervisor-team', team: 'A', heldAt, attendees: ['E101', 'S01'], minutes, recordedBy: 'S01', actions: [] });
// Oldest first, as the API pages meetings.
const meetings = [meeting('m-1', '2026-11-02T02:00:00Z', '十一月初的團隊會議'), meeting('m-2', '2026-11-23T02:00:00Z', '十一月底的團隊會議')];

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } });

function api(seen: URLSearchParams[]): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url, 'http://console.test');
    if (url.pathname === '/v1/meetings') {
      seen.push(url.searchParams);
      return json(answerPage(meetings, url));
    }
    const employee = /^\/v1\/employees\/([^/]+)$/.exec(url.pathname);
    if (employee && employees[employee[1]!]) return json(employees[employee[1]!]);
    return json({ status: 404, code: 'NOT_FOUND', detail: `${url.pathname} does not exist` }, 404);
  };
}

beforeEach(() => vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} }));
afterEach(() => vi.unstubAllGlobals());

describe('MeetingsPage', () => {
  it('reads the meetings a page at a time: "load more" while the server has more, which asks from its cursor and adds the later meetings below', async () => {
    saveSession({ token: 'x.e30.y', employeeId: 'E101', expiresAt: Date.now() + 60_000, method: 'demo' });
    const seen: URLSearchParams[] = [];
    vi.stubGlobal('fetch', api(seen));
    await renderInConsole(<MeetingsPage />, 'en');
    const first = await screen.findByRole('article', { name: /2026/ });
    expect(within(first).getByText('十一月初的團隊會議')).toBeTruthy();
    expect(await within(first).findByText('黃小玲 Huang Hsiao-ling、陳怡君 Chen Yi-chun')).toBeTruthy();
    expect(seen.map((query) => [query.get('limit'), query.get('cursor')])).toEqual([['50', null]]);

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText('十一月底的團隊會議');
    expect(screen.getAllByRole('article').map((article) => meetings.find((shown) => article.textContent?.includes(shown.minutes))?.id)).toEqual(['m-1', 'm-2']);
    expect(seen.map((query) => [query.get('limit'), query.get('cursor')])).toEqual([['50', null], ['50', 'm-1']]);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });
});
