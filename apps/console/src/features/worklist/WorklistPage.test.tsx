import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSession } from '../../lib/session';
import { renderInConsole } from '../../test/render';
import { WorklistPage } from './WorklistPage';

const terms = { matter: 'fee.waive', scope: { maxAmount: 300, currency: 'CNY' }, validFrom: '2026-12-01T00:00:00Z', validUntil: '2026-12-31T00:00:00Z' };
const authorization = (kind: 'approval' | 'notice', version: number) => ({
  id: 'a-1',
  status: kind === 'approval' ? 'pending_approval' : 'pending_notice',
  applicantId: 'E102',
  matter: 'fee.waive',
  matterNames: { 'zh-Hant': '減免服務費', en: 'Waive service fees' },
  terms,
  reason: '延遲退款的手續費減免',
  pendingChange: null,
  copiesTo: [],
  version,
  history: [],
  position: '1',
});
const catalogue = {
  version: '1',
  roles: [],
  authorities: [],
  matters: [{ id: 'fee.waive', names: { 'zh-Hant': '減免服務費', en: 'Waive service fees' }, eligibleRoles: ['agent'], scope: {}, maxValidityDays: 180, finalApproval: { kind: 'never' }, trainingRequired: [], copies: { required: [], default: ['finance'] }, scopeFields: [], finalApprovalRule: '' }],
  departments: [
    { id: 'finance', names: { 'zh-Hant': '財務部', en: 'Finance' } },
    { id: 'quality', names: { 'zh-Hant': '品質管理部', en: 'Quality Assurance' } },
  ],
};
const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

interface Sent {
  readonly path: string;
  readonly ifMatch: string | null;
  readonly body: unknown;
}

/** The API for one task of `kind` (with `item`'s fields), the authorization at `version`; `answer` decides the command's answer. */
function api(kind: 'approval' | 'notice', version: number, answer: () => Response, sent: Sent[], reads: string[], item: Record<string, unknown> = {}): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const path = new URL(request.url, 'http://console.test').pathname;
    if (request.method === 'POST') {
      sent.push({ path, ifMatch: request.headers.get('if-match'), body: await request.json() });
      return answer();
    }
    reads.push(path);
    if (path === '/v1/inbox') return json({ items: [{ kind, subjectId: 'a-1', authorizationId: 'a-1', applicantId: 'E102', employeeId: 'E102', matter: 'fee.waive', since: '2026-12-01T08:00:00Z', ...item }], nextCursor: null });
    if (path === '/v1/employees/M02') return json({ id: 'M02', name: '陳怡君 Chen Yi-chun', role: 'manager', team: null, reportsTo: null });
    if (path === '/v1/authorizations/a-1') return json(authorization(kind, version));
    if (path === '/v1/authorizations') return json({ items: [], nextCursor: null });
    if (path === '/v1/catalogue') return json(catalogue);
    return json({ status: 404, code: 'NOT_FOUND', detail: `${path} does not exist` }, 404, 'application/problem+json');
  };
}

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
  saveSession({ token: 'x.e30.y', employeeId: 'M01', expiresAt: Date.now() + 60_000, method: 'demo' });
});
afterEach(() => vi.unstubAllGlobals());

describe('WorklistPage: a stale task never acts', () => {
  it('sends a decision with the version the card showed, and on 409 shows the server’s problem and reloads the task', async () => {
    const sent: Sent[] = [];
    const reads: string[] = [];
    const conflict = () => json({ title: '衝突', status: 409, code: 'CONCURRENCY_CONFLICT', detail: '資源已被其他請求變更，請重新讀取後再試。' }, 409, 'application/problem+json');
    vi.stubGlobal('fetch', api('approval', 3, conflict, sent, reads));
    await renderInConsole(<WorklistPage />);
    const card = await screen.findByRole('article', { name: /^審批 · / });
    const approve = await within(card).findByRole('button', { name: '核准' });
    const detailReads = reads.filter((path) => path === '/v1/authorizations/a-1').length;
    fireEvent.click(approve);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('資源已被其他請求變更，請重新讀取後再試。 (CONCURRENCY_CONFLICT)'));
    expect(sent).toEqual([{ path: '/v1/authorizations/a-1/approval', ifMatch: '"3"', body: { decision: 'approve', opinion: '' } }]);
    await waitFor(() => expect(reads.filter((path) => path === '/v1/authorizations/a-1').length).toBeGreaterThan(detailReads));
    // Shown once, by the page (the card may be gone after the reload).
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('offers the notice’s copies by department name, the catalogue’s default checked, and sends them with the version shown', async () => {
    const sent: Sent[] = [];
    vi.stubGlobal('fetch', api('notice', 5, () => json({ ...authorization('notice', 6), status: 'pending_acknowledgement' }), sent, []));
    await renderInConsole(<WorklistPage />);
    const card = await screen.findByRole('article', { name: /^發出通知書 · / });
    const finance = await within(card).findByRole('checkbox', { name: '財務部' });
    expect((finance as HTMLInputElement).checked).toBe(true);
    const quality = within(card).getByRole('checkbox', { name: '品質管理部' });
    expect((quality as HTMLInputElement).checked).toBe(false);
    // Every department is named: no slug to type.
    expect(within(card).queryByRole('textbox', { name: /finance/ })).toBeNull();
    fireEvent.click(quality);
    fireEvent.click(within(card).getByRole('button', { name: '發出通知書' }));
    await waitFor(() => expect(sent).toEqual([{ path: '/v1/authorizations/a-1/notice', ifMatch: '"5"', body: { copiesTo: ['finance', 'quality'] } }]));
  });
});

describe('WorklistPage: a stand-in’s task', () => {
  it('says for whom a stand-in takes the task by name, from the item’s actingForId (not from the English reason)', async () => {
    // Overdue too: the reason reads `acting for M02; overdue since …`, which no text match would have named.
    const item = { actingForId: 'M02', reason: 'acting for M02; overdue since 2026-12-03T08:00:00.000Z' };
    vi.stubGlobal('fetch', api('approval', 3, () => json({}), [], [], item));
    await renderInConsole(<WorklistPage />);
    const card = await screen.findByRole('article', { name: /^審批 · / });
    await within(card).findByText('原因：代理 陳怡君 Chen Yi-chun (M02)');
    expect(within(card).queryByText(/acting for/)).toBeNull();
  });

  it('shows no stand-in for a task of one’s own', async () => {
    vi.stubGlobal('fetch', api('approval', 3, () => json({}), [], []));
    await renderInConsole(<WorklistPage />);
    const card = await screen.findByRole('article', { name: /^審批 · / });
    await within(card).findByRole('button', { name: '核准' });
    expect(within(card).queryByText(/代理/)).toBeNull();
  });
});
