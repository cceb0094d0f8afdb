import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENT_STORE, type EventStore } from '../../libs/event-store/src/index.js';
import { act, application, get, grantActive, seedDirectory } from '../support/call-center.js';
import { freshDatabase, mint, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Inputs a hostile or careless caller sends (issue 11): each answers a 4xx problem+json that names
 * what is wrong, and the store does not move. On PostgreSQL, whose jsonb refuses what PGlite's might not.
 */
describe('hostile input over HTTP on PostgreSQL', () => {
  let t: TestApp;
  let crm: string;
  let grant: { id: string; position: string };

  beforeAll(async () => {
    t = await startTestApp({ EVENT_STORE_URL: await freshDatabase('e2e_hostile') });
    await seedDirectory(t);
    crm = await t.token('svc:crm', { scope: 'checks:read reports:write feedback:write audit:read' });
    grant = await grantActive(t);
  }, 180_000);
  afterAll(() => t.close());

  /**
   * The newest committed event of this suite's database, visible to readers or not: on a PostgreSQL
   * server shared with other suites, the head seen by readers may still catch up with setup writes.
   */
  const head = (): Promise<string> => t.app.get<EventStore>(EVENT_STORE).writtenPosition();

  /** Sends a raw JSON text as `who` (an employee id or a ready token). */
  const raw = async (who: string, path: string, text: string) => {
    const token = who.includes('.') ? who : await t.token(who);
    return t.http.post(path).set('authorization', `Bearer ${token}`).set('content-type', 'application/json').send(text);
  };

  /** The answer is a 4xx problem+json with `code` (and names `field` when given), and nothing was written. */
  const refused = async (send: () => PromiseLike<{ status: number; headers: Record<string, string>; body: Record<string, unknown> }>, code: string, field?: string) => {
    const before = await head();
    const res = await send();
    expect({ status: res.status, code: res.body['code'] }).toEqual({ status: expect.any(Number), code });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (field !== undefined) expect(Object.keys((res.body['errors'] ?? {}) as object)).toContain(field);
    expect(await head()).toBe(before);
    return res;
  };

  /** A request through node:http itself: any method, headers of any size. */
  const plain = (method: string, path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const { port } = t.app.getHttpServer().address() as AddressInfo;
      const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });

  const nested = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

  it('refuses JSON nested thousands of levels deep on Nest routes and on the check routes', async () => {
    for (const path of ['/v1/applications', '/v1/authorizations/x/review', '/v1/escalations', '/v1/checks', '/v1/checks/batch']) {
      await refused(() => raw(path.startsWith('/v1/checks') ? crm : 'E101', path, nested(2400)), 'BODY_TOO_DEEP');
    }
    // deep enough to be silly, still a body that a JSON parser reads: refused for its depth, not its syntax
    await refused(() => raw('E101', '/v1/applications', nested(33)), 'BODY_TOO_DEEP');
  });

  it('refuses NUL and lone surrogates in any text, naming the field', async () => {
    const cases: [string, string, string, string][] = [
      ['E101', '/v1/applications', JSON.stringify(application({ reason: 'goodwill\u0000' })), 'reason'],
      ['E101', '/v1/applications', JSON.stringify(application()).replace('"Goodwill', '"\\ud800Goodwill'), 'reason'],
      ['S01', `/v1/authorizations/${grant.id}/revocation`, '{"reason":"a\\udc00b"}', 'reason'],
      ['E101', '/v1/escalations', '{"authority":"fee.waive","summary":"fee \\u0000 waiver"}', 'summary'],
      ['E101', '/v1/suggestions', '{"text":"\\ud83d","anonymous":false}', 'text'],
      ['E101', '/v1/reports', '{"subjectEmployeeId":"E102","category":"other","description":"x\\u0000","reporter":{"kind":"employee"}}', 'description'],
      ['E101', '/v1/applications', '{"matter":"compensation.issue","scope":{"channels":["ph\\u0000one"]}}', 'scope.channels.0'],
    ];
    for (const [who, path, text, field] of cases) await refused(() => raw(who, path, text), 'VALIDATION_FAILED', field);
    const hr = await t.token('svc:hr', { scope: 'directory:write' });
    await refused(() => raw(hr, '/v1/employees', '{"id":"E900","name":"A\\u0000B","role":"agent","team":"A","reportsTo":"S01"}'), 'VALIDATION_FAILED', 'name');
    await refused(() => get(t, 'C01', '/v1/authorizations?employeeId=E1%00'), 'VALIDATION_FAILED', 'employeeId');
  });

  it('refuses keys that name prototype members, and finds nothing under a value that names one', async () => {
    for (const key of ['constructor', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf']) {
      const check = `{"employeeId":"E101","authority":"order.process","${key}":1}`;
      await refused(() => raw(crm, '/v1/checks', check), 'VALIDATION_FAILED', key);
      await refused(() => raw(crm, '/v1/checks/batch', `{"checks":[${check}]}`), 'VALIDATION_FAILED', `checks.0.${key}`);
      await refused(() => raw('E101', '/v1/applications', JSON.stringify({ ...application(), [key]: 'x' })), 'VALIDATION_FAILED', key);
    }
    await refused(() => raw('E101', '/v1/applications', JSON.stringify(application()).replace('{', '{"__proto__":{"admin":true},')), 'VALIDATION_FAILED', '__proto__');
    await refused(() => raw('E101', '/v1/applications', JSON.stringify(application({ scope: { prototype: 1 } }))), 'VALIDATION_FAILED', 'scope.prototype');
    // a value that names a prototype member is just an unknown matter or authority
    await refused(() => act(t, 'E101', '/v1/applications', application({ matter: 'constructor' })), 'UNKNOWN_MATTER');
    await refused(() => act(t, 'E101', '/v1/escalations', { authority: 'constructor', summary: 'x' }), 'UNKNOWN_AUTHORITY');
    const check = await t.http.post('/v1/checks').set('authorization', `Bearer ${crm}`).send({ employeeId: 'E101', authority: 'constructor' });
    expect(check.body).toMatchObject({ allowed: false, reason: 'UNKNOWN_AUTHORITY' });
  });

  it('refuses instants that do not exist instead of rolling them over, and records nothing of a bad batch', async () => {
    await refused(() => t.http.post('/v1/checks').set('authorization', `Bearer ${crm}`).send({ employeeId: 'E101', authority: 'order.process', at: '2026-99-99T00:00:00Z', record: true }), 'VALIDATION_FAILED', 'at');
    const batch = { checks: [{ employeeId: 'E101', authority: 'order.process', record: true }, { employeeId: 'E101', authority: 'order.process', at: '2027-02-30T00:00:00Z', record: true }] };
    await refused(() => t.http.post('/v1/checks/batch').set('authorization', `Bearer ${crm}`).send(batch), 'VALIDATION_FAILED', 'checks.1.at');
    await refused(() => act(t, 'E101', '/v1/applications', application({ validUntil: '2027-02-30T00:00:00Z' })), 'VALIDATION_FAILED', 'validUntil');
    await refused(() => act(t, 'E101', `/v1/authorizations/${grant.id}/changes`, { validUntil: '2026-12-01T24:00:00Z', reason: 'x' }), 'VALIDATION_FAILED', 'validUntil');
    await refused(() => get(t, 'C01', '/v1/employees/E101/permissions?at=2027-02-29T00:00:00Z'), 'VALIDATION_FAILED', 'at');
    // an offset no zone has (PostgreSQL refuses beyond ±15:59), also on a year before 1000
    await refused(() => get(t, 'C01', '/v1/decisions?from=0728-08-20T20:00:13.0%2B20:41'), 'VALIDATION_FAILED', 'from');
    await refused(() => get(t, 'C01', '/v1/audit?to=2026-12-01T00:00:00-16:00'), 'VALIDATION_FAILED', 'to');
    expect((await get(t, 'C01', '/v1/decisions?from=0728-08-20T20:00:13.0%2B13:41')).status).toBe(200);
    // nothing of the refused batch reached the decision log (its first item would have been recorded)
    const decisions = await get(t, 'C01', '/v1/decisions?employeeId=E101');
    expect(decisions.status).toBe(200);
    expect(decisions.body.items).toEqual([]);
  });

  it('refuses null where a field may only be left out', async () => {
    await refused(() => act(t, 'E101', '/v1/applications', application({ scope: { maxAmount: 800, channels: null } })), 'VALIDATION_FAILED', 'scope.channels');
    await refused(() => act(t, 'E101', `/v1/authorizations/${grant.id}/changes`, { scope: { maxAmount: 500, channels: null }, reason: 'x' }), 'VALIDATION_FAILED', 'scope.channels');
    await refused(() => act(t, 'E101', '/v1/escalations', { authority: 'fee.waive', summary: 'x', context: null }), 'VALIDATION_FAILED', 'context');
    await refused(() => act(t, 'E101', `/v1/authorizations/${grant.id}/completion`, { note: null }), 'VALIDATION_FAILED', 'note');
    await refused(() => act(t, 'E101', '/v1/escalations', { authority: 'fee.waive', summary: 'x', context: { amount: 1, channel: null } }), 'VALIDATION_FAILED', 'context.channel');
    await refused(() => t.http.post('/v1/feedback').set('authorization', `Bearer ${crm}`).send({ employeeId: 'E101', score: 5, channel: null, comment: '' }), 'VALIDATION_FAILED', 'channel');
  });

  it('refuses a body that is not a JSON object, even where every field may be left out', async () => {
    for (const text of ['null', '[]', '42', '"text"', 'true']) {
      await refused(() => raw('E101', `/v1/authorizations/${grant.id}/withdrawal`, text), 'VALIDATION_FAILED', 'body');
      await refused(() => raw(crm, '/v1/checks', text), 'VALIDATION_FAILED');
    }
  });

  it('refuses periods whose end no instant can name', async () => {
    for (const period of ['9999-12', '9999-Q4', '0000-01']) await refused(() => get(t, 'M01', `/v1/kpis?period=${period}`), 'INVALID_PERIOD');
    expect((await get(t, 'M01', '/v1/kpis?period=9998-12')).status).toBe(200);
  });

  it('parses consistency tokens by the position grammar and never waits for one the store has not written', async () => {
    for (const token of ['9', '889.', '7.204030.7', '1'.repeat(64), `${'0'.repeat(20)}.${'0'.repeat(19)}x`]) {
      await refused(() => t.http.post('/v1/checks').set('authorization', `Bearer ${crm}`).send({ employeeId: 'E101', authority: 'order.process', consistency: { atLeast: token } }), 'VALIDATION_FAILED');
      await refused(() => get(t, 'C01', '/v1/authorizations', { 'x-consistency-token': token }), 'VALIDATION_FAILED', 'consistency');
    }
    // well-formed, but beyond the head: answered at once (a wait would end in 503 CONSISTENCY_TIMEOUT)
    const ahead = `${'9'.repeat(20)}.${'9'.repeat(20)}`;
    for (const path of ['/v1/authorizations', '/v1/employees/E101/permissions', '/v1/reports', '/v1/audit']) {
      await refused(() => get(t, 'C01', path, { 'x-consistency-token': ahead }), 'VALIDATION_FAILED', 'consistency');
    }
    await refused(() => t.http.post('/v1/checks').set('authorization', `Bearer ${crm}`).set('x-consistency-token', ahead).send({ employeeId: 'E101', authority: 'order.process' }), 'VALIDATION_FAILED', 'consistency');
    // a token the service issued still reads its own write
    expect((await get(t, 'C01', '/v1/authorizations', { 'x-consistency-token': grant.position })).status).toBe(200);
  });

  it('answers Fastify’s and Node’s own refusals as problem+json, and a known path with another method as 405', async () => {
    await refused(() => get(t, 'C01', '/v1/authorizations/%E0%A4%A'), 'FST_ERR_BAD_URL');
    const long = await get(t, 'C01', `/v1/authorizations/${'a'.repeat(300)}`);
    expect(long.status).toBeLessThan(500);
    expect(long.headers['content-type']).toMatch(/^application\/problem\+json/);
    const trace = await t.http.trace('/v1/applications');
    expect(trace.status).toBe(405);
    expect(trace.headers['allow']).toBe('POST');
    expect(trace.headers['content-type']).toMatch(/^application\/problem\+json/);
    // QUERY carries a body: it is refused for its method before anything asks for a content type
    const query = await plain('QUERY', '/v1/authorizations', { 'content-type': 'application/json' });
    expect([query.status, query.headers['allow']]).toEqual([405, 'GET, HEAD']);
    const del = await t.http.delete(`/v1/authorizations/${grant.id}`).set('authorization', `Bearer ${crm}`);
    expect([del.status, del.body.code, del.headers['allow']]).toEqual([405, 'METHOD_NOT_ALLOWED', 'GET, HEAD']);
    expect((await t.http.get('/v1/nowhere')).status).toBe(404);

    const huge = await plain('GET', '/v1/inbox', { authorization: `Bearer ${'a'.repeat(100_000)}` });
    expect(huge.status).toBe(431);
    expect(huge.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(huge.body)).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
  });

  it('takes only a string `sub` as the subject of a token', async () => {
    const { SignJWT } = await import('jose');
    const numeric = await new SignJWT({ sub: 101 as unknown as string }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode('test-secret-of-at-least-thirty-two-characters!'));
    const hr = await t.token('svc:hr', { scope: 'directory:write' });
    await t.http.post('/v1/employees').set('authorization', `Bearer ${hr}`).send({ id: '101', name: 'Numbered', role: 'agent', team: 'A', reportsTo: 'S01' });
    const res = await t.http.get('/v1/inbox').set('authorization', `Bearer ${numeric}`);
    expect([res.status, res.body.code]).toEqual([401, 'INVALID_TOKEN']);
    expect((await t.http.get('/v1/inbox').set('authorization', `Bearer ${await mint('101')}`)).status).toBe(200);
  });

  it('shows an employee reporter to compliance only, not to an audit:read service', async () => {
    const filed = await act(t, 'E102', '/v1/reports', { subjectEmployeeId: 'E101', category: 'other', description: 'Rude on the phone', reporter: { kind: 'employee', contact: 'ext-4711' } });
    expect(filed.status).toBe(201);
    const token = { 'x-consistency-token': filed.body.position as string };
    const asCompliance = await get(t, 'C01', '/v1/audit?type=ViolationReported', token);
    const asService = await t.http.get('/v1/audit?type=ViolationReported').set('authorization', `Bearer ${crm}`).set(token);
    const asServiceByActor = await t.http.get('/v1/audit?type=ViolationReported&actorId=E102').set('authorization', `Bearer ${crm}`).set(token);
    expect(JSON.stringify(asCompliance.body)).toContain('ext-4711');
    expect(asCompliance.body.items[0].data.reportedBy).toBe('E102');
    expect(asService.status).toBe(200);
    expect(asService.body.items).toHaveLength(1);
    expect(JSON.stringify(asService.body)).not.toMatch(/ext-4711|E102/);
    expect(asService.body.items[0].data.reporter).toEqual({ kind: 'employee' });
    expect(asServiceByActor.body.items).toEqual([]);
    const exported = await t.http.get('/v1/audit/export').set('authorization', `Bearer ${crm}`);
    expect(exported.status).toBe(200);
    const line = exported.text.split('\n').find((text) => text.includes('"ViolationReported"'));
    expect(line).toBeDefined();
    expect(line).not.toMatch(/ext-4711|"E102"/);
  });
});
