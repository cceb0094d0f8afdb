import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSession } from '../../lib/session';
import { renderInConsole } from '../../test/render';
import { ReportPage } from './ReportPage';

const employees: Record<string, object> = {
  E101: { employeeId: 'E101', name: '黃小玲 Huang Hsiao-ling', role: 'agent', reportsTo: 'S01', left: false },
  E102: { employeeId: 'E102', name: '吳家豪 Wu Chia-hao', role: 'agent', reportsTo: 'S01', left: false },
  S01: { employeeId: 'S01', name: '陳怡君 Chen Yi-chun', role: 'supervisor', reportsTo: 'M01', left: false },
  S02: { employeeId: 'S02', name: '林建宏 Lin Chien-hung', role: 'supervisor', reportsTo: 'M01', left: false },
};
const filed = { id: 'r-1', status: 'filed', subjectEmployeeId: 'E102', authorizationId: null, category: 'misconduct', description: '出言不遜', reporter: { kind: 'employee' }, filedAt: '2026-12-01T08:00:00Z', investigatorId: null, conclusion: null, feedback: null, position: '5' };
const forReporter = { id: 'r-1', status: 'notified', subjectEmployeeId: 'E102', category: 'misconduct', filedAt: '2026-12-01T08:00:00Z', finding: 'substantiated', feedback: { message: '查證屬實，已警告。' }, position: '9' };

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } });

function api(report: object, answerPost: () => Response): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const path = new URL(request.url, 'http://console.test').pathname;
    if (request.method === 'POST') return answerPost();
    if (path === '/v1/reports/r-1') return json(report);
    const employee = /^\/v1\/employees\/([^/]+)$/.exec(path);
    if (employee && employees[employee[1]!]) return json(employees[employee[1]!]);
    return json({ status: 404, code: 'NOT_FOUND', detail: `${path} does not exist` }, 404);
  };
}

const show = (language: 'zh-Hant' | 'en' = 'zh-Hant') => renderInConsole(<Routes><Route path="/reports/:id" element={<ReportPage />} /></Routes>, language, '/reports/r-1');
const signInAs = (employeeId: string) => saveSession({ token: 'x.e30.y', employeeId, expiresAt: Date.now() + 60_000, method: 'demo' });

beforeEach(() => vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} }));
afterEach(() => vi.unstubAllGlobals());

describe('ReportPage', () => {
  it('shows its reporter the status, the finding and the feedback, and no step of the investigation', async () => {
    signInAs('E101');
    vi.stubGlobal('fetch', api(forReporter, () => json({}, 500)));
    await show();
    expect(await screen.findByText('查證屬實，已警告。')).toBeTruthy();
    expect(screen.getByText('違規屬實')).toBeTruthy();
    expect(screen.getByText('已回覆舉報人')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('吳家豪 Wu Chia-hao (E102)')).toBeTruthy());
    expect(screen.queryByRole('button')).toBeNull();
  });

  it("offers the subject's superior to investigate, not another team's supervisor", async () => {
    signInAs('S02');
    vi.stubGlobal('fetch', api(filed, () => json({}, 500)));
    await show('en');
    await screen.findByText('出言不遜');
    await waitFor(() => expect(screen.getByText('吳家豪 Wu Chia-hao (E102)')).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Investigate it myself' })).toBeNull();
  });

  it('shows a refusal of the investigation as the server worded it', async () => {
    signInAs('S01');
    vi.stubGlobal('fetch', api(filed, () => json({ title: 'Conflict', status: 409, code: 'INVALID_TRANSITION', detail: 'StartInvestigation is not possible while investigating' }, 409)));
    await show('en');
    fireEvent.click(await screen.findByRole('button', { name: 'Investigate it myself' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('StartInvestigation is not possible while investigating (INVALID_TRANSITION)'));
  });
});
