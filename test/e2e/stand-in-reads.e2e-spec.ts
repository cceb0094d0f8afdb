/**
 * What a stand-in (代理人) reads over HTTP (SPEC §11): while S01's period runs, S02 reads the
 * authorizations in the tasks S02 covers for S01, those applicants' records and lists, and reviews as
 * S01's stand-in; before the period, after it and outside S01's duties, 403 as ever. On the embedded
 * store (PGlite) and on PostgreSQL.
 */
import { act, application, DAY, get, iso, seedDirectory } from '../support/call-center.js';
import { freshDatabase, startTestApp, type TestApp, WAIT_BOUND_MS } from '../support/test-app.js';

const PERIOD_MS = 20_000;

const waitFor = async <T>(probe: () => Promise<T | null>, bound = WAIT_BOUND_MS): Promise<T> => {
  const deadline = Date.now() + bound;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe.each([
  ['PGlite', async (): Promise<Record<string, string>> => ({})],
  ['PostgreSQL', async (): Promise<Record<string, string>> => ({ EVENT_STORE_URL: await freshDatabase('e2e_stand_in_reads') })],
])('stand-in reads over HTTP (%s)', (_store, env) => {
  let t: TestApp;
  let e101 = '';
  let e102 = '';
  let e301 = '';
  let until = 0;
  const statusOf = async (who: string, path: string): Promise<number> => (await get(t, who, path)).status;

  beforeAll(async () => {
    t = await startTestApp(await env());
    await seedDirectory(t);
    // A third team, neither S01's nor S02's.
    const hr = await t.token('svc:hr', { scope: 'directory:write' });
    for (const employee of [
      { id: 'S03', name: 'Supervisor C', role: 'supervisor', team: 'C', reportsTo: 'M01' },
      { id: 'E301', name: 'Agent C1', role: 'agent', team: 'C', reportsTo: 'S03' },
    ]) {
      expect((await t.http.post('/v1/employees').set('authorization', `Bearer ${hr}`).send(employee)).status).toBe(201);
    }
    e101 = (await act(t, 'E101', '/v1/applications', application())).body.id as string;
    e102 = (await act(t, 'E102', '/v1/applications', application())).body.id as string;
    e301 = (await act(t, 'E301', '/v1/applications', application())).body.id as string;
    expect([e101, e102, e301].every((id) => typeof id === 'string')).toBe(true);
  }, 4 * WAIT_BOUND_MS);
  afterAll(() => t.close());

  it('refuses S02 before the period starts', async () => {
    const later = await act(t, 'S01', '/v1/employees/S01/stand-ins', { standInId: 'S02', from: iso(Date.now() + DAY), until: iso(Date.now() + 2 * DAY) });
    expect(later.status).toBe(201);
    for (const path of [`/v1/authorizations/${e101}`, '/v1/employees/E101/record', '/v1/authorizations?employeeId=E101']) {
      const refused = await get(t, 'S02', path);
      expect([path, refused.status, refused.body.code]).toEqual([path, 403, 'NOT_ALLOWED_TO_READ']);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it("lets S02 read S01's team's authorizations and records while the period runs, nothing beyond S01's duties", async () => {
    until = Date.now() + PERIOD_MS;
    const named = await act(t, 'S01', '/v1/employees/S01/stand-ins', { standInId: 'S02', from: iso(Date.now() - 1_000), until: iso(until), reason: 'training' });
    expect(named.status).toBe(201);
    const read = await waitFor(async () => {
      const res = await get(t, 'S02', `/v1/authorizations/${e101}`);
      return res.status === 200 ? res : null;
    });
    expect(read.body).toMatchObject({ id: e101, applicantId: 'E101', status: 'pending_review' });
    expect(await statusOf('S02', `/v1/authorizations/${e102}`)).toBe(200);
    const record = await get(t, 'S02', '/v1/employees/E101/record');
    expect([record.status, record.body.employeeId]).toEqual([200, 'E101']);
    const listed = await get(t, 'S02', '/v1/authorizations?employeeId=E101');
    expect([listed.status, listed.body.items.map((row: { id: string }) => row.id)]).toEqual([200, [e101]]);
    // Not S01's duties: another team's application and record, S01's own record.
    expect(await statusOf('S02', `/v1/authorizations/${e301}`)).toBe(403);
    expect(await statusOf('S02', '/v1/employees/E301/record')).toBe(403);
    expect(await statusOf('S02', '/v1/authorizations?employeeId=E301')).toBe(403);
    expect(await statusOf('S02', '/v1/employees/S01/record')).toBe(403);
    // Nor does the absent person's stand-in period let anyone else in.
    expect(await statusOf('E201', `/v1/authorizations/${e101}`)).toBe(403);
    expect(await statusOf('E201', '/v1/employees/E101/record')).toBe(403);
  });

  it('lets S02 review as S01’s stand-in; the history says {actor: S02, actingFor: S01}', async () => {
    const reviewed = await act(t, 'S02', `/v1/authorizations/${e101}/review`, { decision: 'pass', opinion: 'for S01' });
    expect([reviewed.status, reviewed.body.status]).toEqual([200, 'pending_approval']);
    const view = await get(t, 'S02', `/v1/authorizations/${e101}`);
    expect(view.status).toBe(200);
    expect(view.body.history.find((h: { type: string }) => h.type === 'InitialReviewPassed')).toMatchObject({ actor: { id: 'S02' }, actingFor: 'S01' });
  });

  it('refuses S02 again once the period is over (except where S02 acted in their own name on the record of it)', async () => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now() + 500)));
    for (const path of [`/v1/authorizations/${e102}`, '/v1/employees/E101/record', '/v1/employees/E102/record', '/v1/authorizations?employeeId=E102']) {
      const refused = await get(t, 'S02', path);
      expect([path, refused.status, refused.body.code]).toEqual([path, 403, 'NOT_ALLOWED_TO_READ']);
    }
    // S02 reviewed E101's application: one of its approval chain now.
    expect(await statusOf('S02', `/v1/authorizations/${e101}`)).toBe(200);
  }, PERIOD_MS + WAIT_BOUND_MS);
});
