import { act, application, get, seedDirectory } from '../support/call-center.js';
import { HOOK_TIMEOUT_MS, startTestApp, type TestApp } from '../support/test-app.js';

describe('HTTP edges: rate limits, request and correlation ids, deny by default', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '30' });
    await seedDirectory(t);
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t.close(), HOOK_TIMEOUT_MS);

  it('answers 429 with problem+json once a principal exceeds its rate, without affecting others', async () => {
    const token = await t.token('T01');
    // The bucket refills at 30/min (one every 2 s): on a loaded machine 35 requests can take longer
    // than the 5 spare ones last, so ask until limited (bounded), however slowly the answers come.
    const statuses: number[] = [];
    while (!statuses.includes(429) && statuses.length < 300) statuses.push((await t.http.get('/v1/employees/T01').set('authorization', `Bearer ${token}`)).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    // Never limited before the budget of 30 was spent; every answer before the 429 was a 200.
    expect(statuses.length).toBeGreaterThan(30);
    expect(new Set(statuses.slice(0, -1))).toEqual(new Set([200]));
    const limited = await t.http.get('/v1/employees/T01').set('authorization', `Bearer ${token}`);
    expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect((await get(t, 'E201', '/v1/employees/E201')).status).toBe(200);
  });

  it('records the caller’s correlation id and the request id in the event metadata, and echoes the request id', async () => {
    const res = await act(t, 'E101', '/v1/applications', application(), { 'x-correlation-id': 'crm-ticket-4711', 'x-request-id': 'req-abc-1' });
    expect(res.status).toBe(201);
    expect(res.headers['x-request-id']).toBe('req-abc-1');
    const view = await get(t, 'C01', `/v1/authorizations/${res.body.id}`);
    const compliance = await get(t, 'C01', `/v1/audit?authorizationId=${res.body.id}`, { 'x-consistency-token': res.body.position });
    expect(view.status).toBe(200);
    expect(compliance.body.items[0].metadata).toMatchObject({ correlationId: 'crm-ticket-4711', requestId: 'req-abc-1', actor: { id: 'E101', kind: 'employee' } });
    expect(compliance.body.items[0].metadata.policyVersion).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('requires a principal everywhere except health, metrics and docs', async () => {
    for (const path of ['/v1/inbox', '/v1/authorizations', '/v1/audit', '/v1/employees/E101', '/v1/employees/E101/permissions', '/v1/authorities/order.process/holders']) {
      expect((await t.http.get(path)).status).toBe(401);
    }
    for (const path of ['/health/live', '/health/ready', '/metrics', '/openapi.json']) {
      expect((await t.http.get(path)).status).toBe(200);
    }
    expect((await t.http.get('/v1/nowhere')).status).toBe(404);
  });

  it('lets only the right people read permissions and holders', async () => {
    expect((await get(t, 'E101', '/v1/employees/E101/permissions')).status).toBe(200);
    expect((await get(t, 'S01', '/v1/employees/E101/permissions')).status).toBe(200);
    expect((await get(t, 'E102', '/v1/employees/E101/permissions')).status).toBe(403);
    expect((await get(t, 'S02', '/v1/employees/E101/permissions')).status).toBe(403);
    const holders = await get(t, 'M01', '/v1/authorities/order.process/holders');
    expect(holders.status).toBe(200);
    expect(holders.body.items.map((h: { employeeId: string }) => h.employeeId)).toEqual(expect.arrayContaining(['E101', 'S01', 'M01']));
    expect((await get(t, 'E101', '/v1/authorities/order.process/holders')).status).toBe(403);
  });
});

describe('malformed queries and paths', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedDirectory(t);
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t.close(), HOOK_TIMEOUT_MS);

  it('never answers a malformed query or path with a 5xx', async () => {
    const routes = ['/v1/authorizations', '/v1/audit', '/v1/decisions', '/v1/reports', '/v1/kpis', '/v1/inspections/sample', '/v1/inbox', '/v1/employees/E101/permissions', '/v1/authorities/order.process/holders'];
    const params = ['cursor=%%%', 'cursor=eyJ4IjoxfQ', 'limit=-1', 'limit=abc', 'limit=99999', 'from=2026-13-45T00:00:00Z', 'at=never', 'period=2026-Q9', 'status=flying', 'size=0', 'employeeId=../../x', 'allowed=maybe', 'a[b]=c', 'limit=1&limit=2'];
    for (const route of routes) {
      for (const param of params) {
        const res = await get(t, 'C01', `${route}?${param}`);
        expect([route, param, res.status < 500 && res.status !== 429]).toEqual([route, param, true]);
      }
    }
    for (const path of ['/v1/authorizations/%E0%A4%A', '/v1/employees/%00', `/v1/authorizations/${'a'.repeat(300)}`, '/v1/reports/not-a-uuid']) {
      const res = await get(t, 'C01', path);
      expect([path, res.status < 500]).toEqual([path, true]);
    }
  });
});
