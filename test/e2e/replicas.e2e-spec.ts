import pg from 'pg';
import { act, application, get, seedDirectory } from '../support/call-center.js';
import { freshDatabase, startTestApp, type TestApp } from '../support/test-app.js';

describe('read-your-writes across two API instances sharing one PostgreSQL', () => {
  let one: TestApp;
  let two: TestApp;
  let url: string;

  beforeAll(async () => {
    url = await freshDatabase('e2e_replicas');
    one = await startTestApp({ EVENT_STORE_URL: url });
    two = await startTestApp({ EVENT_STORE_URL: url, CONSISTENCY_WAIT_MS: '1000' }, { projector: false });
    await seedDirectory(one);
  });
  afterAll(async () => {
    await two.close();
    await one.close();
  });

  it('sees on instance 2, with the token, every step written through instance 1', async () => {
    const crm = await two.token('svc:crm', { scope: 'checks:read' });
    const applied = await act(one, 'E101', '/v1/applications', application());
    const listed = await get(two, 'E101', '/v1/authorizations?employeeId=E101', { 'x-consistency-token': applied.body.position });
    expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(applied.body.id);

    const id = applied.body.id as string;
    await act(one, 'S01', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: '' });
    await act(one, 'M01', `/v1/authorizations/${id}/approval`, { decision: 'approve', opinion: '' });
    await act(one, 'M02', `/v1/authorizations/${id}/notice`, { copiesTo: [] });
    const acknowledged = await act(one, 'E101', `/v1/authorizations/${id}/acknowledgement`, {});
    const allowed = await two.http
      .post('/v1/checks')
      .set('authorization', `Bearer ${crm}`)
      .send({ employeeId: 'E101', authority: 'compensation.issue', context: { amount: 10, channel: 'phone' }, consistency: { atLeast: acknowledged.body.position } });
    expect(allowed.body).toMatchObject({ allowed: true, grantId: id });

    const revoked = await act(one, 'M01', `/v1/authorizations/${id}/revocation`, { reason: 'spot check failed' });
    const denied = await two.http
      .post('/v1/checks')
      .set('authorization', `Bearer ${crm}`)
      .set('x-consistency-token', revoked.body.position)
      .send({ employeeId: 'E101', authority: 'compensation.issue', context: { amount: 10, channel: 'phone' } });
    expect(denied.body).toMatchObject({ allowed: false, reason: 'REVOKED' });
    const inbox = await get(two, 'S01', '/v1/inbox', { 'x-consistency-token': revoked.body.position });
    expect(inbox.status).toBe(200);
  });

  it('answers 503 with Retry-After when a written token stays out of reach for the bounded wait, and 400 for one never written', async () => {
    const crm = await two.token('svc:crm', { scope: 'checks:read' });
    const ask = (atLeast: string) =>
      two.http.post('/v1/checks').set('authorization', `Bearer ${crm}`).send({ employeeId: 'E101', authority: 'order.process', consistency: { atLeast } });
    // An older transaction still open holds every later commit back from readers: the token is real, the read side cannot reach it yet.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query("INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (gen_random_uuid(), 'held-open', 0, 'Held', '{}', '{}')");
      const applied = await act(one, 'E102', '/v1/applications', application());
      expect(applied.status).toBe(201);
      const res = await ask(applied.body.position as string);
      expect([res.status, res.body.code]).toEqual([503, 'CONSISTENCY_TIMEOUT']);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    const madeUp = await ask('99999999999999999999.99999999999999999999');
    expect([madeUp.status, madeUp.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  }, 60_000);
});
