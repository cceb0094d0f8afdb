import { DECISION_LOG, type DecisionLog } from '../../apps/authorization-service/src/decisions/decision-log.port.js';
import { get, grantActive, seedDirectory } from '../support/call-center.js';
import { freshDatabase, startTestApp, type TestApp } from '../support/test-app.js';

const month = new Date().toISOString().slice(0, 7);

describe('decision log, spot-check samples and KPIs over HTTP (PostgreSQL)', () => {
  let url: string;
  let t: TestApp;
  let crm: string;
  const requestIds: string[] = [];

  const check = async (body: Record<string, unknown>) => {
    const res = await t.http.post('/v1/checks').set('authorization', `Bearer ${crm}`).send(body);
    expect(res.status).toBe(200);
    return res;
  };
  const flush = () => (t.app.get<symbol, DecisionLog>(DECISION_LOG).flush?.() ?? Promise.resolve());
  const decisions = (who: string, query = '') => get(t, who, `/v1/decisions${query}`);

  beforeAll(async () => {
    url = await freshDatabase('e2e_decisions');
    t = await startTestApp({ EVENT_STORE_URL: url });
    await seedDirectory(t);
    crm = await t.token('svc:crm', { scope: 'checks:read' });
    const { position } = await grantActive(t, 'E101');
    const consistency = { atLeast: position };
    await check({ employeeId: 'E101', authority: 'compensation.issue', context: { amount: 500, channel: 'phone' }, record: true, consistency });
    await check({ employeeId: 'E101', authority: 'compensation.issue', context: { amount: 5000, channel: 'phone' }, record: true, consistency });
    await check({ employeeId: 'E201', authority: 'compensation.issue', context: { amount: 10, channel: 'phone' }, record: true, consistency });
    await check({ employeeId: 'E102', authority: 'compensation.issue', context: { amount: 10, channel: 'phone' }, consistency });
    await flush();
  });
  afterAll(() => t.close());

  it('keeps only the checks with record:true, with who, what, context, answer, reason, grant and policy version', async () => {
    const res = await decisions('M01');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(3);
    const outOfScope = res.body.items.find((d: { reason: string }) => d.reason === 'OUT_OF_SCOPE');
    expect(outOfScope).toMatchObject({ employeeId: 'E101', team: 'A', authority: 'compensation.issue', context: { amount: 5000, channel: 'phone' }, allowed: false, requestedBy: 'svc:crm' });
    expect(typeof outOfScope.grantId).toBe('string');
    expect(typeof outOfScope.policyVersion).toBe('string');
    expect(res.body.items.some((d: { employeeId: string }) => d.employeeId === 'E102')).toBe(false);
    requestIds.push(...res.body.items.map((d: { requestId: string }) => d.requestId));
  });

  it('filters by employee, authority and answer, and pages with opaque cursors', async () => {
    expect((await decisions('M01', '?employeeId=E101')).body.items).toHaveLength(2);
    expect((await decisions('M01', '?allowed=false')).body.items.map((d: { reason: string }) => d.reason).sort()).toEqual(['NO_GRANT', 'OUT_OF_SCOPE']);
    expect((await decisions('M01', '?authority=refund.issue')).body.items).toHaveLength(0);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await decisions('M01', `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.items.map((d: { id: string }) => d.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(new Set(seen).size).toBe(3);
    expect((await decisions('M01', '?cursor=not-a-cursor')).status).toBe(400);
  });

  it('shows a supervisor their team only, and refuses agents and other teams', async () => {
    const own = await decisions('S01');
    expect(own.status).toBe(200);
    expect(own.body.items.map((d: { employeeId: string }) => d.employeeId)).toEqual(['E101', 'E101']);
    expect((await decisions('S01', '?employeeId=E101')).status).toBe(200);
    expect((await decisions('S01', '?employeeId=E201')).status).toBe(403);
    expect((await decisions('E101')).status).toBe(403);
    expect((await decisions('E101', '?employeeId=E101')).status).toBe(403);
    expect((await decisions('C01')).status).toBe(200);
    expect((await decisions('svc:audit')).status).toBe(200);
  });

  it('draws spot-check samples from recorded decisions only, within the supervisor team', async () => {
    const manager = await get(t, 'M01', '/v1/inspections/sample?size=100');
    expect(manager.status).toBe(200);
    expect(manager.body.items).toHaveLength(3);
    expect(manager.body.items.every((d: { requestId: string }) => requestIds.includes(d.requestId))).toBe(true);
    const supervisor = await get(t, 'S02', '/v1/inspections/sample?size=5');
    expect(supervisor.body.items.map((d: { employeeId: string }) => d.employeeId)).toEqual(['E201']);
    expect((await get(t, 'M01', '/v1/inspections/sample?size=1')).body.items).toHaveLength(1);
    expect((await get(t, 'E101', '/v1/inspections/sample')).status).toBe(403);
    expect((await get(t, 'C01', '/v1/inspections/sample')).status).toBe(403);
    expect((await get(t, 'M01', '/v1/inspections/sample?size=0')).status).toBe(400);
    expect((await get(t, 'M01', '/v1/inspections/sample?size=101')).status).toBe(400);
  });

  it('answers KPIs of the month from the decision log, to the allowed readers', async () => {
    const res = await get(t, 'M01', `/v1/kpis?period=${month}`);
    expect(res.status).toBe(200);
    const e101 = res.body.items.find((k: { employeeId: string }) => k.employeeId === 'E101');
    expect(e101).toMatchObject({ team: 'A', decisions: { recorded: 2, allowed: 1, accuracy: 0.5, byReason: { GRANT: 1, OUT_OF_SCOPE: 1 } }, outOfScope: { attempts: 1, escalated: 0 } });
    const team = await get(t, 'S01', `/v1/kpis?period=${month}`);
    expect(team.status).toBe(200);
    expect(team.body.items.map((k: { employeeId: string }) => k.employeeId).sort()).toEqual(['E101', 'E102', 'S01']);
    expect((await get(t, 'S01', `/v1/kpis?period=${month}&team=B`)).status).toBe(403);
    expect((await get(t, 'S01', `/v1/kpis?period=${month}&employeeId=E201`)).status).toBe(403);
    expect((await get(t, 'E101', `/v1/kpis?period=${month}`)).status).toBe(403);
    expect((await get(t, 'C01', `/v1/kpis?period=${month}&team=B`)).body.items.map((k: { employeeId: string }) => k.employeeId)).toEqual(['E201', 'S02']);
    expect((await get(t, 'M01', '/v1/kpis?period=2026-Q5')).status).toBe(400);
    expect((await get(t, 'M01', '/v1/kpis')).status).toBe(400);
  });

  it('keeps recorded decisions across a clean restart, including those not yet flushed', async () => {
    await check({ employeeId: 'E102', authority: 'inquiry.answer', record: true });
    await t.close();
    t = await startTestApp({ EVENT_STORE_URL: url });
    const res = await decisions('M01');
    expect(res.body.items).toHaveLength(4);
    expect(res.body.items[0]).toMatchObject({ employeeId: 'E102', authority: 'inquiry.answer', allowed: true, reason: 'ROLE_BASELINE' });
  });
});
