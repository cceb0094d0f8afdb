import { act, application, DAY, grantActive, iso, seedDirectory } from '../support/call-center.js';
import { EVENT_STORE, type EventStore } from '../../libs/event-store/src/index.js';
import { freshDatabase, mint, startTestApp, type TestApp } from '../support/test-app.js';


const STORES: [string, () => Promise<Record<string, string>>][] = [
  ['PGlite', async () => ({})],
  ['PostgreSQL', async () => ({ EVENT_STORE_URL: await freshDatabase('e2e_refusals') })],
];

describe.each(STORES)('refusals over HTTP on %s', (_name, env) => {
  let t: TestApp;
  let headBefore: string;

  beforeAll(async () => {
    t = await startTestApp(await env());
    await seedDirectory(t);
  });
  afterAll(() => t.close());

  /** The store's head position: unchanged exactly when nothing was appended. */
  const head = (): Promise<string> => t.app.get<EventStore>(EVENT_STORE).headPosition();
  /**
   * The head once every write so far is visible: on a PostgreSQL server shared with other suites,
   * an event becomes visible to readers only when older transactions anywhere on the server end.
   */
  const settledHead = async (): Promise<string> => {
    const last = (await act(t, 'E101', '/v1/applications', application())).body.position as string;
    for (;;) {
      const now = await head();
      if (now >= last) return now;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  describe('separation of duties and routing (SPEC §4)', () => {
    let pendingReview: string;
    let pendingApproval: string;
    let pendingNotice: string;
    let pendingAck: string;
    let active: string;

    beforeAll(async () => {
      pendingReview = (await act(t, 'E101', '/v1/applications', application())).body.id;
      pendingApproval = (await act(t, 'E102', '/v1/applications', application())).body.id;
      await act(t, 'S01', `/v1/authorizations/${pendingApproval}/review`, { decision: 'pass', opinion: '' });
      pendingNotice = (await act(t, 'E201', '/v1/applications', application())).body.id;
      await act(t, 'S02', `/v1/authorizations/${pendingNotice}/review`, { decision: 'pass', opinion: '' });
      await act(t, 'M01', `/v1/authorizations/${pendingNotice}/approval`, { decision: 'approve', opinion: '' });
      pendingAck = (await act(t, 'E101', '/v1/applications', application({ matter: 'fee.waive', scope: { maxAmount: 300 } }))).body.id;
      await act(t, 'S01', `/v1/authorizations/${pendingAck}/review`, { decision: 'pass', opinion: '' });
      await act(t, 'M01', `/v1/authorizations/${pendingAck}/approval`, { decision: 'approve', opinion: '' });
      await act(t, 'M02', `/v1/authorizations/${pendingAck}/notice`, { copiesTo: ['finance'] });
      active = (await grantActive(t, 'E102', application({ matter: 'team.schedule.adjust', scope: {}, validUntil: iso(Date.now() + 20 * DAY) }))).id;
      headBefore = await settledHead();
    });

    const cases: [string, () => [string, string, unknown], number, string][] = [
      ['self-review by the applicant', () => ['E101', `/v1/authorizations/${pendingReview}/review`, { decision: 'pass', opinion: '' }], 403, 'SEPARATION_OF_DUTIES'],
      ['review by a peer agent', () => ['E102', `/v1/authorizations/${pendingReview}/review`, { decision: 'pass', opinion: '' }], 403, 'NOT_REVIEWER'],
      ['review by another team’s supervisor', () => ['S02', `/v1/authorizations/${pendingReview}/review`, { decision: 'pass', opinion: '' }], 403, 'NOT_REVIEWER'],
      ['approval before review', () => ['M01', `/v1/authorizations/${pendingReview}/approval`, { decision: 'approve', opinion: '' }], 409, 'INVALID_TRANSITION'],
      ['approval by a supervisor', () => ['S02', `/v1/authorizations/${pendingApproval}/approval`, { decision: 'approve', opinion: '' }], 403, 'ROLE_REQUIRED'],
      ['approval by an agent', () => ['E201', `/v1/authorizations/${pendingApproval}/approval`, { decision: 'approve', opinion: '' }], 403, 'ROLE_REQUIRED'],
      ['rejection without an opinion', () => ['M01', `/v1/authorizations/${pendingApproval}/approval`, { decision: 'reject', opinion: '' }], 422, 'OPINION_REQUIRED'],
      ['final approval when not required', () => ['X01', `/v1/authorizations/${pendingNotice}/final-approval`, { decision: 'approve', opinion: '' }], 409, 'INVALID_TRANSITION'],
      ['notice by the applicant', () => ['E201', `/v1/authorizations/${pendingNotice}/notice`, { copiesTo: [] }], 403, 'SEPARATION_OF_DUTIES'],
      ['notice by a supervisor without designation', () => ['S01', `/v1/authorizations/${pendingNotice}/notice`, { copiesTo: [] }], 403, 'ROLE_REQUIRED'],
      ['acknowledgement by someone else', () => ['S01', `/v1/authorizations/${pendingAck}/acknowledgement`, {}], 403, 'NOT_APPLICANT'],
      ['acknowledgement by a manager', () => ['M01', `/v1/authorizations/${pendingAck}/acknowledgement`, {}], 403, 'NOT_APPLICANT'],
      ['withdrawal after the notice', () => ['E101', `/v1/authorizations/${pendingAck}/withdrawal`, {}], 409, 'INVALID_TRANSITION'],
      ['withdrawal by someone else', () => ['E102', `/v1/authorizations/${pendingReview}/withdrawal`, {}], 403, 'NOT_APPLICANT'],
      ['revocation by a peer', () => ['E101', `/v1/authorizations/${active}/revocation`, { reason: 'no' }], 403, 'NOT_SUPERIOR_OR_MANAGER'],
      ['revocation by another team’s supervisor', () => ['S02', `/v1/authorizations/${active}/revocation`, { reason: 'no' }], 403, 'NOT_SUPERIOR_OR_MANAGER'],
      ['revocation of a pending application', () => ['M01', `/v1/authorizations/${pendingReview}/revocation`, { reason: 'no' }], 409, 'INVALID_TRANSITION'],
      ['completion by a peer', () => ['E101', `/v1/authorizations/${active}/completion`, {}], 403, 'NOT_GRANTEE'],
      ['change by someone other than the grantee', () => ['S01', `/v1/authorizations/${active}/changes`, { validUntil: iso(Date.now() + 25 * DAY), reason: 'x' }], 403, 'NOT_GRANTEE'],
      ['workflow action by a service', () => ['svc:crm', `/v1/authorizations/${pendingReview}/review`, { decision: 'pass', opinion: '' }], 403, 'EMPLOYEE_REQUIRED'],
      ['directory write by an employee', () => ['M01', '/v1/employees', { id: 'Z9', name: 'Z', role: 'agent' }], 403, 'SCOPE_REQUIRED'],
    ];

    it.each(cases)('refuses %s', async (_label, request, status, code) => {
      const [who, path, body] = request();
      const res = await act(t, who, path, body);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe(code);
      expect(await head()).toBe(headBefore);
    });
  });

  describe('bad input is a clear 4xx and writes nothing', () => {
    beforeAll(async () => {
      headBefore = await settledHead();
    });
    const now = Date.now();
    const bodies: [string, unknown, number, string][] = [
      ['a wrong type', { ...application(), scope: { maxAmount: '800' } }, 400, 'VALIDATION_FAILED'],
      ['an unknown field', { ...application(), admin: true }, 400, 'VALIDATION_FAILED'],
      ['an unknown scope field', { ...application(), scope: { maxAmount: 10, limit: 3 } }, 400, 'VALIDATION_FAILED'],
      ['an invalid date', { ...application(), validFrom: '2026-02-30' }, 400, 'VALIDATION_FAILED'],
      ['a date without offset', { ...application(), validFrom: '2026-12-01T00:00:00' }, 400, 'VALIDATION_FAILED'],
      ['validUntil before validFrom', application({ validFrom: iso(now + 2 * DAY), validUntil: iso(now + DAY) }), 422, 'VALIDITY_INVALID'],
      ['validity too long', application({ validUntil: iso(now + 200 * DAY) }), 422, 'VALIDITY_TOO_LONG'],
      ['validity already ended', application({ validFrom: iso(now - 3 * DAY), validUntil: iso(now - DAY) }), 422, 'VALIDITY_ENDED'],
      ['a scope that does not fit the matter', application({ matter: 'team.schedule.adjust', scope: { maxAmount: 5 } }), 422, 'SCOPE_INVALID'],
      ['a missing maxAmount', application({ scope: {} }), 422, 'SCOPE_INVALID'],
      ['an unknown matter', application({ matter: 'moon.landing' }), 422, 'UNKNOWN_MATTER'],
      ['a matter the role is not eligible for', application({ matter: 'system.production.access', scope: {} }), 422, 'MATTER_NOT_ELIGIBLE'],
      ['a reason over 2,000 characters', application({ reason: 'x'.repeat(2001) }), 400, 'VALIDATION_FAILED'],
      ['an array instead of an object', [application()], 400, 'VALIDATION_FAILED'],
    ];

    it.each(bodies)('refuses %s', async (_label, body, status, code) => {
      const res = await act(t, 'E101', '/v1/applications', body);
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      if (status === 400) expect(Object.keys(res.body.errors ?? {}).length).toBeGreaterThan(0);
      expect(await head()).toBe(headBefore);
    });

    it('refuses __proto__ keys', async () => {
      const token = await t.token('E101');
      const res = await t.http
        .post('/v1/applications')
        .set('authorization', `Bearer ${token}`)
        .set('content-type', 'application/json')
        .send(`{"matter":"fee.waive","__proto__":{"admin":true},"scope":{"maxAmount":5},"reason":"r","validFrom":"${iso(now)}","validUntil":"${iso(now + DAY)}"}`);
      expect(res.status).toBe(400);
      expect(await head()).toBe(headBefore);
    });

    it('refuses malformed JSON with 400 and oversized bodies with 413', async () => {
      const token = await t.token('E101');
      const malformed = await t.http.post('/v1/applications').set('authorization', `Bearer ${token}`).set('content-type', 'application/json').send('{"matter":');
      expect(malformed.status).toBe(400);
      expect(malformed.headers['content-type']).toMatch(/problem\+json/);
      const huge = await t.http
        .post('/v1/applications')
        .set('authorization', `Bearer ${token}`)
        .set('content-type', 'application/json')
        .send(JSON.stringify({ ...application(), reason: 'x'.repeat(1024 * 1024 + 10) }));
      expect(huge.status).toBe(413);
      expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await head()).toBe(headBefore);
    });

    it('answers 404 for unknown ids', async () => {
      const unknown = await act(t, 'S01', '/v1/authorizations/00000000-0000-4000-8000-000000000000/review', { decision: 'pass', opinion: '' });
      expect(unknown.status).toBe(404);
      const notUuid = await act(t, 'S01', '/v1/authorizations/not-an-id/review', { decision: 'pass', opinion: '' });
      expect(notUuid.status).toBe(404);
      expect(await head()).toBe(headBefore);
    });

    const tokens: [string, () => Promise<string | null>, string][] = [
      ['a missing token', async () => null, 'UNAUTHENTICATED'],
      ['an expired token', async () => mint('E101', { expiresIn: '-2m' }), 'INVALID_TOKEN'],
      ['a forged token', async () => mint('E101', { secret: 'another-secret-that-is-long-enough-to-sign' }), 'INVALID_TOKEN'],
      ['an alg:none token', async () => `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'E101', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url')}.`, 'INVALID_TOKEN'],
      ['a token for someone not in the directory', async () => mint('NOBODY'), 'UNKNOWN_EMPLOYEE'],
    ];

    it.each(tokens)('refuses %s with 401', async (_label, make, code) => {
      const token = await make();
      let req = t.http.post('/v1/applications');
      if (token !== null) req = req.set('authorization', `Bearer ${token}`);
      const res = await req.send(application());
      expect(res.status).toBe(401);
      expect(res.body.code).toBe(code);
      expect(await head()).toBe(headBefore);
    });
  });
});
