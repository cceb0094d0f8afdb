/**
 * GET /v1/employees?q=&limit= (the pickers' name search): employees in service whose name contains q
 * (any case) or whose id starts with it, by name; only id, name, role and team; bounded (q at least 2
 * characters, limit 1..20); employees and services with directory:write. On PGlite and PostgreSQL.
 */
import { get, seedDirectory } from '../support/call-center.js';
import { freshDatabase, HOOK_TIMEOUT_MS, startTestApp, type TestApp } from '../support/test-app.js';

type Match = { id: string; name: string; role: string; team: string | null };

describe.each([
  ['PGlite', async (): Promise<Record<string, string>> => ({})],
  [
    'PostgreSQL',
    async (): Promise<Record<string, string>> => ({
      EVENT_STORE_URL: await freshDatabase('e2e_employee_search'),
    }),
  ],
])('the employee search (%s)', (_store, env) => {
  let t: TestApp;
  const search = async (who: string, query: string) => get(t, who, `/v1/employees?${query}`);
  const ids = (body: { items: Match[] }): string[] => body.items.map((item) => item.id);

  beforeAll(async () => {
    t = await startTestApp(await env());
    await seedDirectory(t);
    const hr = await t.token('svc:hr', { scope: 'directory:write' });
    expect(
      (
        await t.http.post('/v1/employees').set('authorization', `Bearer ${hr}`).send({
          id: 'E150',
          name: '王 100%_Agent',
          role: 'agent',
          team: 'A',
          reportsTo: 'S01',
        })
      ).status,
    ).toBe(201);
    expect((await t.http.post('/v1/employees/E201/departure').set('authorization', `Bearer ${hr}`).send({ reason: 'moved on' })).status).toBe(200);
    // The search reads the directory read model: wait (bounded, by readiness) until it has the last write.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await search('M01', 'q=100%25');
      const left = await search('M01', 'q=Agent%20B1');
      if ((res.status === 200 && res.body.items.length === 1 && left.body.items.length === 0) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t.close(), HOOK_TIMEOUT_MS);

  it('finds employees in service by part of the name, any case, by name, answering only id, name, role and team', async () => {
    const agents = await search('E101', 'q=agent');
    expect(agents.status).toBe(200);
    expect(agents.body).toEqual({
      items: [
        { id: 'E101', name: 'Agent A1', role: 'agent', team: 'A' },
        { id: 'E102', name: 'Agent A2', role: 'agent', team: 'A' },
        { id: 'E150', name: '王 100%_Agent', role: 'agent', team: 'A' },
      ],
    });
    expect(ids((await search('S01', 'q=  visor ')).body)).toEqual(['S01', 'S02']);
    expect(ids((await search('S01', 'q=m0')).body)).toEqual(['M01', 'M03', 'M02']); // Manager One, Three, Two: by name
    expect((await search('S01', `q=${encodeURIComponent('王')}`)).status).toBe(400); // one character is too few
    expect(ids((await search('S01', 'q=%E7%8E%8B%20')).body)).toEqual(['E150']);
  });

  it('matches % and _ literally, leaves out who has left, and stops at limit', async () => {
    expect(ids((await search('M01', 'q=0%25_')).body)).toEqual(['E150']);
    expect(ids((await search('M01', 'q=A_')).body)).toEqual([]);
    expect(ids((await search('M01', 'q=Agent%20B')).body)).toEqual([]);
    expect(ids((await search('M01', 'q=agent&limit=2')).body)).toEqual(['E101', 'E102']);
    expect((await search('M01', 'q=one&limit=20')).status).toBe(200);
  });

  it('refuses bad input with a problem and services without directory:write', async () => {
    for (const query of ['', 'q=a', 'q=%20%20', `q=${'x'.repeat(65)}`, 'q=agent&limit=0', 'q=agent&limit=21', 'q=agent&limit=two', 'q=agent&cursor=x']) {
      const res = await search('E101', query);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toEqual(expect.any(String));
    }
    const crm = await t.token('svc:crm', {
      scope: 'checks:read audit:read reports:write',
    });
    const refused = await t.http.get('/v1/employees?q=agent').set('authorization', `Bearer ${crm}`);
    expect([refused.status, refused.body.code]).toEqual([403, 'NOT_ALLOWED_TO_READ']);
    const hr = await t.token('svc:hr', { scope: 'directory:write' });
    expect(ids((await t.http.get('/v1/employees?q=tech').set('authorization', `Bearer ${hr}`)).body)).toEqual(['T01']);
    expect((await t.http.get('/v1/employees?q=agent')).status).toBe(401);
  });
});
