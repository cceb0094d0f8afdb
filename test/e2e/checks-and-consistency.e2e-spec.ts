import { act, application, DAY, get, grantActive, iso, seedDirectory } from '../support/call-center.js';
import { freshDatabase, startTestApp, type TestApp } from '../support/test-app.js';

describe('checks, consistency tokens, concurrency and idempotency (PostgreSQL)', () => {
  let t: TestApp;
  let crm: string;

  beforeAll(async () => {
    t = await startTestApp({ EVENT_STORE_URL: await freshDatabase('e2e_checks') });
    await seedDirectory(t);
    crm = await t.token('svc:crm', { scope: 'checks:read' });
  });
  afterAll(() => t.close());

  const check = (body: Record<string, unknown>, token = crm) => t.http.post('/v1/checks').set('authorization', `Bearer ${token}`).send(body);

  it('denies a check right after a revocation, with its token, and still allows it at an instant before', async () => {
    const { id, position } = await grantActive(t, 'E101');
    const allowed = await check({ employeeId: 'E101', authority: 'compensation.issue', context: { amount: 800, channel: 'phone' }, consistency: { atLeast: position } });
    expect(allowed.body).toMatchObject({ allowed: true, reason: 'GRANT', grantId: id });
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));

    const revoked = await act(t, 'S01', `/v1/authorizations/${id}/revocation`, { reason: 'outside the approved channel' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    const denied = await t.http
      .post('/v1/checks')
      .set('authorization', `Bearer ${crm}`)
      .set('x-consistency-token', revoked.body.position)
      .send({ employeeId: 'E101', authority: 'compensation.issue', context: { amount: 100, channel: 'phone' } });
    expect(denied.body).toMatchObject({ allowed: false, reason: 'REVOKED', grantId: id });
    expect(denied.body.position >= revoked.body.position).toBe(true);

    const past = await check({ employeeId: 'E101', authority: 'compensation.issue', context: { amount: 100, channel: 'phone' }, at: before });
    expect(past.body).toMatchObject({ allowed: true, reason: 'GRANT' });
  });

  it('answers every reason family over HTTP, in the same order for a batch', async () => {
    const { position } = await grantActive(t, 'E102', application({ scope: { maxAmount: 500, channels: ['chat'] } }));
    const cases = [
      [{ employeeId: 'E102', authority: 'inquiry.answer' }, 'ROLE_BASELINE'],
      [{ employeeId: 'E102', authority: 'compensation.issue', context: { amount: 400, channel: 'chat' } }, 'GRANT'],
      [{ employeeId: 'E102', authority: 'compensation.issue', context: { amount: 900, channel: 'chat' } }, 'OUT_OF_SCOPE'],
      [{ employeeId: 'E102', authority: 'compensation.issue', context: { amount: 100 } }, 'MISSING_CONTEXT'],
      [{ employeeId: 'E102', authority: 'fee.waive', context: { amount: 1 } }, 'NO_GRANT'],
      [{ employeeId: 'NOBODY', authority: 'inquiry.answer' }, 'UNKNOWN_EMPLOYEE'],
      [{ employeeId: 'E102', authority: 'moon.landing' }, 'UNKNOWN_AUTHORITY'],
    ] as const;
    const batch = await t.http.post('/v1/checks/batch').set('authorization', `Bearer ${crm}`).send({ checks: cases.map(([body]) => body), consistency: { atLeast: position } });
    expect(batch.status).toBe(200);
    expect(batch.body.results.map((r: { reason: string }) => r.reason)).toEqual(cases.map(([, reason]) => reason));
    expect(batch.body.results[3].missingContext).toEqual(['channel']);
  });

  it('lets an employee check only themself, and validates check bodies', async () => {
    const self = await check({ employeeId: 'E201', authority: 'order.process' }, await t.token('E201'));
    expect(self.body).toMatchObject({ allowed: true, reason: 'ROLE_BASELINE' });
    const other = await check({ employeeId: 'E101', authority: 'order.process' }, await t.token('E201'));
    expect(other.status).toBe(403);
    const extra = await check({ employeeId: 'E101', authority: 'order.process', sneaky: 1 });
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toHaveProperty('sneaky');
    const badAt = await check({ employeeId: 'E101', authority: 'order.process', at: 'yesterday' });
    expect(badAt.status).toBe(400);
    const noToken = await t.http.post('/v1/checks').send({ employeeId: 'E101', authority: 'order.process' });
    expect(noToken.status).toBe(401);
  });

  it('lets exactly one of two managers approving at once win; the other gets 409', async () => {
    const applied = await act(t, 'E201', '/v1/applications', application({ validUntil: iso(Date.now() + 5 * DAY) }));
    await act(t, 'S02', `/v1/authorizations/${applied.body.id}/review`, { decision: 'pass', opinion: '' });
    const results = await Promise.all(
      ['M01', 'M02', 'M03'].map((m) => act(t, m, `/v1/authorizations/${applied.body.id}/approval`, { decision: 'approve', opinion: `by ${m}` })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    for (const loser of results.filter((r) => r.status === 409)) expect(['CONCURRENCY_CONFLICT', 'INVALID_TRANSITION']).toContain(loser.body.code);
    const view = await get(t, 'M01', `/v1/authorizations/${applied.body.id}`);
    expect(view.body.history.filter((h: { type: string }) => h.type === 'ManagerApproved')).toHaveLength(1);
  });

  it('returns the first result for a retried Idempotency-Key and never acts twice; another body is 422', async () => {
    const body = application({ validUntil: iso(Date.now() + 6 * DAY) });
    const first = await act(t, 'E101', '/v1/applications', body, { 'idempotency-key': 'apply-once-1' });
    const retry = await act(t, 'E101', '/v1/applications', body, { 'idempotency-key': 'apply-once-1' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const list = await get(t, 'C01', `/v1/authorizations?employeeId=E101&status=pending_review&limit=500`, { 'x-consistency-token': first.body.position });
    expect(list.body.items.filter((a: { id: string }) => a.id === first.body.id)).toHaveLength(1);
    const reused = await act(t, 'E101', '/v1/applications', { ...body, reason: 'different' }, { 'idempotency-key': 'apply-once-1' });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keeps the audit trail for compliance and audit:read only', async () => {
    expect((await get(t, 'E101', '/v1/audit')).status).toBe(403);
    expect((await get(t, 'M01', '/v1/audit')).status).toBe(403);
    const compliance = await get(t, 'C01', '/v1/audit?type=NoticeIssued&limit=2');
    expect(compliance.status).toBe(200);
    expect(compliance.body.items.every((e: { type: string }) => e.type === 'NoticeIssued')).toBe(true);
    expect(compliance.body).toHaveProperty('nextCursor');
    for (const bad of ['limit=0', 'limit=501', 'from=yesterday', 'cursor=%%%', 'unknown=1', 'authorizationId=nope']) {
      const res = await get(t, 'C01', `/v1/audit?${bad}`);
      expect([bad, res.status, res.body.code]).toEqual([bad, 400, expect.any(String)]);
    }
  });

  it('publishes the OpenAPI document with the check routes, and serves /docs', async () => {
    const doc = await t.http.get('/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/checks', '/v1/applications', '/v1/authorizations/{id}/approval']));
    expect((await t.http.get('/docs')).status).toBe(200);
  });
});
