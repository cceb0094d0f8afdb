/**
 * Stand-ins (代理人) over HTTP (SPEC §11): S01 names S02 for a week; S02 reviews E101's application as
 * S01's stand-in, the history records {actor, actingFor}; bad periods and lower roles are refused,
 * nothing written. On the embedded store (PGlite) and on PostgreSQL.
 */
import { act, application, DAY, get, iso, seedDirectory } from '../support/call-center.js';
import { freshDatabase, startTestApp, type TestApp, WAIT_BOUND_MS } from '../support/test-app.js';

const waitFor = async <T>(probe: () => Promise<T | null>): Promise<T> => {
  const deadline = Date.now() + WAIT_BOUND_MS;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe.each([
  ['PGlite', async (): Promise<Record<string, string>> => ({})],
  ['PostgreSQL', async (): Promise<Record<string, string>> => ({ EVENT_STORE_URL: await freshDatabase('e2e_stand_ins') })],
])('stand-ins over HTTP (%s)', (_store, env) => {
  let t: TestApp;
  const del = async (who: string, path: string) => t.http.delete(path).set('authorization', `Bearer ${await t.token(who)}`);
  const period = (over: Record<string, unknown> = {}) => ({ standInId: 'S02', from: iso(Date.now() - 60_000), until: iso(Date.now() + 7 * DAY), reason: 'annual leave', ...over });

  beforeAll(async () => {
    t = await startTestApp(await env());
    await seedDirectory(t);
  });
  afterAll(() => t.close());

  it('refuses a lower role, a past or backwards period, an overlap and a stranger, writing nothing', async () => {
    const lower = await act(t, 'S01', '/v1/employees/S01/stand-ins', period({ standInId: 'E102' }));
    expect(lower.status).toBe(422);
    expect(lower.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(lower.body.code).toBe('STAND_IN_NOT_ELIGIBLE');
    const past = await act(t, 'S01', '/v1/employees/S01/stand-ins', period({ from: iso(Date.now() - 3 * DAY), until: iso(Date.now() - DAY) }));
    expect([past.status, past.body.code]).toEqual([422, 'STAND_IN_PERIOD_INVALID']);
    const backwards = await act(t, 'S01', '/v1/employees/S01/stand-ins', period({ from: iso(Date.now() + 2 * DAY), until: iso(Date.now() + DAY) }));
    expect(backwards.status).toBe(422);
    const stranger = await act(t, 'E201', '/v1/employees/S01/stand-ins', period());
    expect([stranger.status, stranger.body.code]).toEqual([403, 'NOT_SELF_OR_SUPERIOR']);
    const malformed = await act(t, 'S01', '/v1/employees/S01/stand-ins', { standInId: 'S02', from: 'tomorrow', until: 5, extra: true });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const unknown = await act(t, 'S01', '/v1/employees/S01/stand-ins', period({ standInId: 'NOBODY' }));
    expect([unknown.status, unknown.body.code]).toEqual([422, 'STAND_IN_NOT_ELIGIBLE']);
    const audit = await get(t, 'C01', '/v1/audit?type=StandInAppointed');
    expect(audit.body.items).toEqual([]);
  });

  it("lets S02 review E101's application while S01 is away, recording whom it was for", async () => {
    const named = await act(t, 'S01', '/v1/employees/S01/stand-ins', period());
    expect(named.status).toBe(201);
    expect(named.body.standIns).toEqual([expect.objectContaining({ standInId: 'S02', reason: 'annual leave' })]);
    const overlap = await act(t, 'M01', '/v1/employees/S01/stand-ins', period({ from: iso(Date.now() + DAY) }));
    expect([overlap.status, overlap.body.code]).toEqual([422, 'STAND_IN_PERIOD_INVALID']);

    const applied = await act(t, 'E101', '/v1/applications', application());
    expect(applied.status).toBe(201);
    const id = applied.body.id as string;
    // The absent superior's review is in the stand-in's worklist, saying for whom.
    const task = await waitFor(async () => {
      const inbox = await get(t, 'S02', '/v1/inbox', { 'x-consistency-token': applied.body.position });
      return (inbox.body.items as { kind: string; authorizationId?: string; reason?: string }[]).find((i) => i.authorizationId === id) ?? null;
    });
    expect(task).toMatchObject({ kind: 'review', reason: 'acting for S01' });
    const byStranger = await act(t, 'E201', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: '' });
    expect(byStranger.status).toBe(403);
    const reviewed = await act(t, 'S02', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: 'for S01, who is on leave' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.status).toBe('pending_approval');

    const view = await get(t, 'M01', `/v1/authorizations/${id}`, { 'x-consistency-token': reviewed.body.position });
    const review = view.body.history.find((h: { type: string }) => h.type === 'InitialReviewPassed');
    expect(review).toMatchObject({ actor: { id: 'S02', kind: 'employee' }, actingFor: 'S01', data: { reviewerId: 'S02', actingFor: 'S01' } });

    // An executive standing in for manager M02 approves as M02's stand-in; M02 is then out of this application's chain.
    expect((await act(t, 'M02', '/v1/employees/M02/stand-ins', period({ standInId: 'X01' }))).status).toBe(201);
    const byX01 = await waitFor(async () => {
      const res = await act(t, 'X01', `/v1/authorizations/${id}/approval`, { decision: 'approve', opinion: 'for M02' });
      return res.status === 200 ? res : null;
    });
    expect(byX01.body.status).toBe('pending_notice');
    const approved = await get(t, 'M01', `/v1/authorizations/${id}`, { 'x-consistency-token': byX01.body.position });
    expect(approved.body.history.find((h: { type: string }) => h.type === 'ManagerApproved')).toMatchObject({ actor: { id: 'X01' }, actingFor: 'M02' });

    // The notice is M02's task, so it would reach M02's stand-in; but X01 already acted on this application
    // as a stand-in, and separation of duties refuses a second act: not in X01's worklist, still in M02's.
    const worklistOf = async (who: string): Promise<{ kind: string; authorizationId?: string }[]> =>
      ((await get(t, who, '/v1/inbox', { 'x-consistency-token': byX01.body.position })).body.items as { kind: string; authorizationId?: string }[]).filter((i) => i.authorizationId === id);
    expect(await worklistOf('X01')).toEqual([]);
    expect(await worklistOf('M02')).toEqual([expect.objectContaining({ kind: 'notice' })]);
    const count = await get(t, 'X01', '/v1/inbox/count', { 'x-consistency-token': byX01.body.position });
    expect(count.body.byKind.notice).toBe(0);
    const refused = await act(t, 'X01', `/v1/authorizations/${id}/notice`, {});
    expect([refused.status, refused.body.code]).toEqual([403, 'SEPARATION_OF_DUTIES']);
  });

  it('ends a stand-in on DELETE by the superior: the stand-in may no longer review', async () => {
    const ended = await del('M01', '/v1/employees/S01/stand-ins/S02');
    expect(ended.status).toBe(200);
    expect(ended.body.standIns).toBeUndefined();
    const again = await del('M01', '/v1/employees/S01/stand-ins/S02');
    expect(again.status).toBe(404);
    const applied = await act(t, 'E102', '/v1/applications', application());
    const refused = await act(t, 'S02', `/v1/authorizations/${applied.body.id as string}/review`, { decision: 'pass', opinion: '' });
    expect([refused.status, refused.body.code]).toEqual([403, 'NOT_REVIEWER']);
    const audit = await get(t, 'C01', '/v1/audit?type=StandInEnded', { 'x-consistency-token': ended.body.position });
    expect(audit.body.items).toEqual([expect.objectContaining({ streamId: 'employee-S01', data: expect.objectContaining({ standInId: 'S02', cause: 'withdrawn', endedBy: 'M01' }) })]);
  });
});
