import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSession } from '../../lib/session';
import { fakeApi, renderInConsole } from '../../test/render';
import { StandInsPage } from './StandInsPage';

const people = [
  { id: 'M01', name: '王大明 Wang Da-ming', role: 'manager' },
  { id: 'S01', name: '陳怡君 Chen Yi-chun', role: 'supervisor' },
  { id: 'S02', name: '林建宏 Lin Chien-hung', role: 'supervisor' },
  { id: 'E101', name: '黃小玲 Huang Hsiao-ling', role: 'agent' },
  { id: 'C01', name: '許雅婷 Hsu Ya-ting', role: 'compliance' },
];

beforeEach(() => saveSession({ token: 'x.e30.y', employeeId: 'S01', expiresAt: Date.now() + 60_000, method: 'demo' }));
afterEach(() => vi.unstubAllGlobals());

describe('StandInsPage', () => {
  it('lists my stand-ins by name and offers only people who may stand in for me (same role or higher, not me)', async () => {
    vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
    vi.stubGlobal(
      'fetch',
      fakeApi({
        '/auth/config': { demo: true, oidc: null },
        '/auth/demo': { items: people },
        '/v1/employees/S01': { employeeId: 'S01', name: '陳怡君 Chen Yi-chun', role: 'supervisor', left: false, standIns: [{ standInId: 'M01', from: '2026-12-01T00:00:00Z', until: '2026-12-08T00:00:00Z', reason: '年假' }] },
        '/v1/employees/M01': { employeeId: 'M01', name: '王大明 Wang Da-ming', role: 'manager', left: false },
      }),
    );
    await renderInConsole(<StandInsPage />);
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getByText('王大明 Wang Da-ming')).toBeTruthy());
    expect(within(table).getByText('年假')).toBeTruthy();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '代理人' }));
    await screen.findByText('林建宏 Lin Chien-hung（主管）');
    expect(screen.getByText('王大明 Wang Da-ming（呼叫中心經理）')).toBeTruthy();
    expect(screen.queryByText(/黃小玲/)).toBeNull();
    expect(screen.queryByText(/許雅婷/)).toBeNull();
    expect(screen.queryByText('陳怡君 Chen Yi-chun（主管）')).toBeNull();
  });
});
