import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSession } from '../../lib/session';
import { renderInConsole } from '../../test/render';
import { ReportsPage } from './ReportsPage';

const employees: Record<string, { employeeId: string; name: string; role: string; team: string | null }> = {
  E101: { employeeId: 'E101', name: '黃小玲 Huang Hsiao-ling', role: 'agent', team: 'A' },
  E102: { employeeId: 'E102', name: '吳家豪 Wu Chia-hao', role: 'agent', team: 'A' },
};
const mine = { id: 'r-1', status: 'notified', subjectEmployeeId: 'E102', category: 'misconduct', filedAt: '2026-12-01T08:00:00Z', finding: 'substantiated', feedback: { message: '查證屬實，已警告。' } };

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } });

function api(seen: string[]): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url, 'http://console.test');
    seen.push(`${request.method} ${url.pathname}${url.search}`);
    if (url.pathname === '/v1/reports' && request.method === 'GET') return url.searchParams.get('filedBy') === 'me' ? json({ items: [mine], nextCursor: null }) : json({ status: 403, code: 'NOT_ALLOWED_TO_READ', detail: 'you may not read reports' }, 403);
    if (url.pathname === '/v1/employees') {
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      return json({ items: Object.values(employees).filter((e) => e.name.toLowerCase().includes(q)).map((e) => ({ id: e.employeeId, name: e.name, role: e.role, team: e.team })) });
    }
    const employee = /^\/v1\/employees\/([^/]+)$/.exec(url.pathname);
    if (employee && employees[employee[1]!]) return json({ ...employees[employee[1]!], left: false });
    return json({ status: 404, code: 'NOT_FOUND', detail: `${url.pathname} does not exist` }, 404);
  };
}

const show = (language: 'zh-Hant' | 'en' = 'zh-Hant') => renderInConsole(<Routes><Route path="/reports" element={<ReportsPage />} /></Routes>, language, '/reports');

beforeEach(() => vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} }));
afterEach(() => vi.unstubAllGlobals());

describe('ReportsPage', () => {
  it("shows an agent their own reports with the finding and the feedback, and never asks for everyone's", async () => {
    saveSession({ token: 'x.e30.y', employeeId: 'E101', expiresAt: Date.now() + 60_000, method: 'demo' });
    const seen: string[] = [];
    vi.stubGlobal('fetch', api(seen));
    await show();
    expect(await screen.findByText('我提交的舉報')).toBeTruthy();
    expect(await screen.findByText('查證屬實，已警告。')).toBeTruthy();
    expect(screen.getByText('違規屬實')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('吳家豪 Wu Chia-hao (E102)')).toBeTruthy());
    expect(seen.filter((line) => line.startsWith('GET /v1/reports'))).toEqual(expect.arrayContaining([expect.stringContaining('filedBy=me')]));
    expect(seen.some((line) => line.startsWith('GET /v1/reports') && !line.includes('filedBy=me'))).toBe(false);
  });

  it('picks the reported employee by name and shows the name, not the number', async () => {
    saveSession({ token: 'x.e30.y', employeeId: 'E101', expiresAt: Date.now() + 60_000, method: 'demo' });
    const seen: string[] = [];
    vi.stubGlobal('fetch', api(seen));
    await show('en');
    const picker = await screen.findByLabelText('Employee reported');
    fireEvent.change(picker, { target: { value: 'wu' } });
    fireEvent.click(await screen.findByText('吳家豪 Wu Chia-hao (E102)'));
    expect(seen.some((line) => line.startsWith('GET /v1/employees?') && line.includes('q=wu'))).toBe(true);
    await waitFor(() => expect(picker.closest('.ant-select')?.textContent).toContain('吳家豪 Wu Chia-hao (E102)'));
  });
});
