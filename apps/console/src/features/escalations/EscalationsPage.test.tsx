import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSession } from '../../lib/session';
import { renderInConsole } from '../../test/render';
import { EscalationsPage } from './EscalationsPage';

const employees: Record<string, object> = {
  E101: { employeeId: 'E101', name: '黃小玲 Huang Hsiao-ling', role: 'agent', reportsTo: 'S01', left: false },
  S01: { employeeId: 'S01', name: '陳怡君 Chen Yi-chun', role: 'supervisor', reportsTo: 'M01', left: false },
};
const catalogue = { version: '1', roles: [], authorities: [{ id: 'compensation.issue', names: { 'zh-Hant': '發放客戶補償', en: 'Issue goodwill compensation' }, baselineRoles: [], grantable: true }], matters: [] };
const open = { id: 'e-1', employeeId: 'E101', superiorId: 'S01', authority: 'compensation.issue', context: { amount: 3000 }, summary: '客戶要求補償 3000 元', raisedAt: '2026-12-01T08:00:00Z', status: 'open', resolution: null };

const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

/** The API as these tests need it; `posted` collects the commands sent. */
function api(answerPost: (path: string, body: unknown) => Response, posted: { path: string; body: unknown }[] = []): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const path = new URL(request.url, 'http://console.test').pathname;
    if (request.method === 'POST') {
      const body: unknown = await request.json();
      posted.push({ path, body });
      return answerPost(path, body);
    }
    if (path === '/v1/escalations') return json({ items: [open], nextCursor: null });
    if (path === '/v1/catalogue') return json(catalogue);
    const employee = /^\/v1\/employees\/([^/]+)$/.exec(path);
    if (employee && employees[employee[1]!]) return json(employees[employee[1]!]);
    return json({ status: 404, code: 'NOT_FOUND', detail: `${path} does not exist` }, 404, 'application/problem+json');
  };
}

beforeEach(() => vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} }));
afterEach(() => vi.unstubAllGlobals());

describe('EscalationsPage', () => {
  it('shows the superior an escalation raised to them by name, with the authority in words, and sends their answer', async () => {
    saveSession({ token: 'x.e30.y', employeeId: 'S01', expiresAt: Date.now() + 60_000, method: 'demo' });
    const posted: { path: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', api(() => json({ id: 'e-1', status: 'resolved', position: '9' }), posted));
    await renderInConsole(<EscalationsPage />);
    const card = await screen.findByRole('article', { name: '客戶要求補償 3000 元' });
    await waitFor(() => expect(within(card).getByText('黃小玲 Huang Hsiao-ling (E101)')).toBeTruthy());
    await waitFor(() => expect(within(card).getByRole('heading', { name: '發放客戶補償' })).toBeTruthy());
    fireEvent.change(within(card).getByLabelText('答覆'), { target: { value: '  同意一次性補償  ' } });
    fireEvent.click(within(card).getByRole('button', { name: '送出答覆' }));
    await waitFor(() => expect(posted).toEqual([{ path: '/v1/escalations/e-1/resolution', body: { resolution: '同意一次性補償' } }]));
  });

  it('offers the raiser no answer to their own escalation', async () => {
    saveSession({ token: 'x.e30.y', employeeId: 'E101', expiresAt: Date.now() + 60_000, method: 'demo' });
    vi.stubGlobal('fetch', api(() => json({}, 500)));
    await renderInConsole(<EscalationsPage />, 'en');
    const card = await screen.findByRole('article', { name: '客戶要求補償 3000 元' });
    await waitFor(() => expect(within(card).getByText('陳怡君 Chen Yi-chun (S01)')).toBeTruthy());
    expect(within(card).queryByRole('button', { name: 'Send the answer' })).toBeNull();
  });

  it('checks the form as the server does, sends nothing until it holds, and shows a server refusal beside its field', async () => {
    saveSession({ token: 'x.e30.y', employeeId: 'E101', expiresAt: Date.now() + 60_000, method: 'demo' });
    const posted: { path: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', api(() => json({ title: 'Unprocessable', status: 422, code: 'UNKNOWN_AUTHORITY', detail: 'no authority compensation.issue in the catalogue' }, 422, 'application/problem+json'), posted));
    await renderInConsole(<EscalationsPage />, 'en');
    await screen.findByRole('article', { name: '客戶要求補償 3000 元' });
    fireEvent.click(screen.getByRole('button', { name: 'Escalate to my superior' }));
    await waitFor(() => expect(screen.getAllByText('Required')).toHaveLength(2));
    expect(posted).toEqual([]);

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Authority concerned' }));
    fireEvent.click(await screen.findByTitle('Issue goodwill compensation'));
    fireEvent.change(screen.getByLabelText('What the problem is'), { target: { value: 'Asks for 3000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Escalate to my superior' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('no authority compensation.issue in the catalogue (UNKNOWN_AUTHORITY)'));
    // Beside the field as well as in the alert.
    await waitFor(() => expect(screen.getAllByText('no authority compensation.issue in the catalogue')).toHaveLength(1));
    expect(posted).toEqual([{ path: '/v1/escalations', body: { authority: 'compensation.issue', summary: 'Asks for 3000' } }]);
  });
});
