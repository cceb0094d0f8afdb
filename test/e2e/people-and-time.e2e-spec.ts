import { ExpirySchedulerModule } from '../../apps/expiry-scheduler/src/expiry-scheduler.module.js';
import { PeopleCascadeModule } from '../../apps/people-cascade/src/people-cascade.module.js';
import { act, application, DAY, get, grantActive, iso, seedDirectory } from '../support/call-center.js';
import { freshDatabase, startTestApp, type TestApp } from '../support/test-app.js';

const waitFor = async <T>(what: string, probe: () => Promise<T | null>, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('joiner–mover–leaver and time over HTTP (PostgreSQL, cascade and scheduler in process)', () => {
  let t: TestApp;
  let hr: string;
  let crm: string;

  beforeAll(async () => {
    t = await startTestApp(
      { EVENT_STORE_URL: await freshDatabase('e2e_people') },
      { modules: [PeopleCascadeModule, ExpirySchedulerModule.forRoot({ pollIntervalMs: 200 })] },
    );
    await seedDirectory(t);
    hr = await t.token('svc:hr', { scope: 'directory:write' });
    crm = await t.token('svc:crm', { scope: 'checks:read' });
  });
  afterAll(() => t.close());

  const status = async (id: string): Promise<string> => (await get(t, 'C01', `/v1/authorizations/${id}`)).body.status;

  it('revokes every grant and withdraws open applications of a leaver, refuses their token and answers EMPLOYEE_LEFT', async () => {
    const { id: grant } = await grantActive(t, 'E201');
    const open = (await act(t, 'E201', '/v1/applications', application({ matter: 'fee.waive', scope: { maxAmount: 100 } }))).body.id as string;
    const left = await t.http.post('/v1/employees/E201/departure').set('authorization', `Bearer ${hr}`).send({ reason: 'resigned' });
    expect(left.status).toBe(200);

    await waitFor('the leaver cascade', async () => ((await status(grant)) === 'revoked' && (await status(open)) === 'withdrawn' ? true : null));
    const view = await get(t, 'C01', `/v1/authorizations/${grant}`);
    const revocation = view.body.history.find((h: { type: string }) => h.type === 'AuthorizationRevoked');
    expect(revocation.data).toMatchObject({ cause: 'employee-left', reason: 'employee-left' });
    expect(revocation.actor.kind).toBe('system');

    const check = await t.http.post('/v1/checks').set('authorization', `Bearer ${crm}`).set('x-consistency-token', left.body.position).send({ employeeId: 'E201', authority: 'order.process' });
    expect(check.body).toMatchObject({ allowed: false, reason: 'EMPLOYEE_LEFT' });
    const refused = await act(t, 'E201', '/v1/applications', application());
    expect(refused.status).toBe(401);
  });

  it('revokes only the grants a new role is not eligible for', async () => {
    const { id: scheduleGrant } = await grantActive(t, 'E102', application({ matter: 'team.schedule.adjust', scope: {}, validUntil: iso(Date.now() + 20 * DAY) }));
    const { id: compensation } = await grantActive(t, 'E102');
    const moved = await t.http.patch('/v1/employees/E102').set('authorization', `Bearer ${hr}`).send({ role: 'tech_support', team: 'IT', reportsTo: 'M01' });
    expect(moved.status).toBe(200);
    await waitFor('the mover cascade', async () => ((await status(scheduleGrant)) === 'revoked' && (await status(compensation)) === 'revoked' ? true : null));
    const view = await get(t, 'C01', `/v1/authorizations/${compensation}`);
    expect(view.body.history.at(-1).data).toMatchObject({ cause: 'role-changed' });
  });

  it('denies a check at validUntil before any expiry event, then the scheduler writes the expiry once', async () => {
    const validUntil = Date.now() + 4_000;
    const { id, position } = await grantActive(t, 'E101', application({ validUntil: iso(validUntil) }));
    const before = await t.http
      .post('/v1/checks')
      .set('authorization', `Bearer ${crm}`)
      .send({ employeeId: 'E101', authority: 'compensation.issue', context: { amount: 1, channel: 'phone' }, consistency: { atLeast: position } });
    expect(before.body).toMatchObject({ allowed: true, validUntil: iso(validUntil) });
    const atEdge = await t.http
      .post('/v1/checks')
      .set('authorization', `Bearer ${crm}`)
      .send({ employeeId: 'E101', authority: 'compensation.issue', context: { amount: 1, channel: 'phone' }, at: iso(validUntil) });
    expect(atEdge.body).toMatchObject({ allowed: false, reason: 'EXPIRED' });

    await waitFor('the expiry', async () => ((await status(id)) === 'expired' ? true : null), 20_000);
    const view = await get(t, 'C01', `/v1/authorizations/${id}`);
    expect(view.body.history.filter((h: { type: string }) => h.type === 'AuthorizationExpired')).toHaveLength(1);
    const expiredAt = Date.parse(view.body.history.at(-1).occurredAt);
    expect(expiredAt).toBeGreaterThanOrEqual(validUntil);
    expect(expiredAt - validUntil).toBeLessThan(5_000);
  });
});
