/**
 * Periodic access reviews over HTTP (SPEC §11): a campaign over team A — 50 agents, 200 grants —
 * decided in part by the supervisor, defaulted at dueAt by the scheduler (`revoke` for one campaign,
 * `keep` for another), checks denied at once for revoked items; refusals write nothing. On PGlite,
 * with the scheduler in process on a clock the test moves.
 */
import { EVENT_STORE, type EventStore } from '../../libs/event-store/src/event-store.port.js';
import { ExpirySchedulerModule } from '../../apps/expiry-scheduler/src/expiry-scheduler.module.js';
import { employee } from '../../libs/domain/src/testing/fixtures.js';
import { grant } from '../support/authorization-fixture.js';
import { act, DAY, get, iso, seedDirectory } from '../support/call-center.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { HOOK_TIMEOUT_MS, WAIT_BOUND_MS } from '../support/timeouts.js';

const AGENTS = Array.from({ length: 50 }, (_, i) => `A${String(i + 1).padStart(2, '0')}`);
type Item = { authorizationId: string; employeeId: string; matter: string; reviewerId: string | null; outcome: string | null };

const waitFor = async <T>(what: string, probe: () => Promise<T | null>): Promise<T> => {
  const deadline = Date.now() + WAIT_BOUND_MS;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('access reviews over HTTP (PGlite, scheduler in process)', () => {
  let t: TestApp;
  let crm: string;
  let schedulerNow = Date.now();
  const dueAt = Date.now() + 7 * DAY;
  let revokeCampaign: string;
  let keepCampaign: string;
  const decide = (who: string, id: string, authorizationId: string, body: unknown) => act(t, who, `/v1/access-reviews/${id}/items/${authorizationId}/decision`, body);
  /** `at`: the scheduler's clock runs a week ahead, and its revocations take effect at its time. */
  const check = (employeeId: string, authority: string, position?: string, at?: number) =>
    t.http
      .post('/v1/checks')
      .set('authorization', `Bearer ${crm}`)
      .send({ employeeId, authority, context: { amount: 100, channel: 'phone' }, ...(position ? { consistency: { atLeast: position } } : {}), ...(at ? { at: iso(at) } : {}) });

  beforeAll(async () => {
    t = await startTestApp({}, { modules: [ExpirySchedulerModule.forRoot({ pollIntervalMs: 100, clock: () => new Date(schedulerNow) })] });
    await seedDirectory(t);
    crm = await t.token('svc:crm', { scope: 'checks:read' });
    const hr = await t.token('svc:hr', { scope: 'directory:write' });
    for (const id of AGENTS) {
      const res = await t.http.post('/v1/employees').set('authorization', `Bearer ${hr}`).send({ id, name: `Agent ${id}`, role: 'agent', team: 'A', reportsTo: 'S01' });
      expect(res.status).toBe(201);
    }
    // 200 grants in force: three compensation grants and one complaint-plan review per agent.
    const store = t.app.get<EventStore>(EVENT_STORE);
    const from = iso(Date.now() - DAY);
    for (const id of AGENTS) {
      const applicant = employee(id, 'agent', 'S1', { team: 'A' });
      for (let n = 0; n < 3; n += 1) await grant(store, { id: crypto.randomUUID(), stage: 'active', applicant, now: from, validFrom: from, validUntil: iso(Date.now() + 60 * DAY) });
      await grant(store, { id: crypto.randomUUID(), stage: 'active', applicant, matter: 'complaint.plan.review', now: from, validFrom: from, validUntil: iso(Date.now() + 60 * DAY) });
    }
    await waitFor('the 200 grants in the read model', async () => {
      const page = await get(t, 'M01', '/v1/authorizations?status=active&limit=500');
      return (page.body.items as unknown[]).length >= 200 ? true : null;
    });
  }, 10 * HOOK_TIMEOUT_MS);
  afterAll(() => t.close(), HOOK_TIMEOUT_MS);

  it('refuses bad starts with a code and writes nothing', async () => {
    const body = { title: 'Team A, compensation', team: 'A', matters: ['compensation.issue'], dueAt: iso(dueAt), defaultDecision: 'revoke' };
    const bySupervisor = await act(t, 'S01', '/v1/access-reviews', body);
    expect([bySupervisor.status, bySupervisor.body.code]).toEqual([403, 'ROLE_REQUIRED']);
    const past = await act(t, 'M01', '/v1/access-reviews', { ...body, dueAt: iso(Date.now() - DAY) });
    expect([past.status, past.body.code]).toEqual([422, 'DUE_AT_INVALID']);
    const unknown = await act(t, 'M01', '/v1/access-reviews', { ...body, matters: ['no.such.matter'] });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'UNKNOWN_MATTER']);
    const malformed = await act(t, 'M01', '/v1/access-reviews', { ...body, defaultDecision: 'maybe', extra: 1 });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await get(t, 'C01', '/v1/audit?type=AccessReviewStarted')).body.items).toEqual([]);
    // Nothing malformed reaches the store as a 5xx.
    const forged = Buffer.from(JSON.stringify(['not-a-time', 'x'])).toString('base64url');
    for (const [path, status] of [
      [`/v1/access-reviews?cursor=${forged}`, 400],
      ['/v1/access-reviews?cursor=%%%', 400],
      ['/v1/access-reviews?limit=0', 400],
      ['/v1/access-reviews?status=maybe', 400],
      [`/v1/access-reviews/${crypto.randomUUID()}`, 404],
      ['/v1/access-reviews/not-a-uuid', 404],
    ] as const) {
      expect([path, (await get(t, 'M01', path)).status]).toEqual([path, status]);
    }
    const unknownCampaign = await decide('S01', crypto.randomUUID(), crypto.randomUUID(), { decision: 'keep', note: '' });
    expect(unknownCampaign.status).toBe(404);
    const bySystem = await t.http.post('/v1/access-reviews').set('authorization', `Bearer ${crm}`).send(body);
    expect(bySystem.status).toBe(403);
  });

  it('starts campaigns over every active grant of the team, each item for the grantee’s superior', async () => {
    const started = await act(t, 'M01', '/v1/access-reviews', { title: 'Team A, compensation', team: 'A', matters: ['compensation.issue'], dueAt: iso(dueAt), defaultDecision: 'revoke' });
    expect(started.status).toBe(201);
    revokeCampaign = started.body.id;
    expect(started.body.items).toHaveLength(150);
    expect(started.body.progress).toEqual({ kept: 0, revoked: 0, defaulted: 0, undecided: 150 });
    expect(new Set((started.body.items as Item[]).map((i) => i.reviewerId))).toEqual(new Set(['S01']));
    const kept = await act(t, 'M01', '/v1/access-reviews', { title: 'Team A, complaint plans', team: 'A', matters: ['complaint.plan.review'], dueAt: iso(dueAt), defaultDecision: 'keep' });
    keepCampaign = kept.body.id;
    expect(kept.body.items).toHaveLength(50);
    const whole = await act(t, 'M02', '/v1/access-reviews', { title: 'Team A, everything', team: 'A', dueAt: iso(dueAt + DAY), defaultDecision: 'keep' });
    expect(whole.body.items).toHaveLength(200);
  });

  it('lets the reviewer decide in part; revoke needs a note and denies checks at once; others are refused', async () => {
    const items = (await get(t, 'S01', `/v1/access-reviews/${revokeCampaign}`)).body.items as Item[];
    const a01 = items.filter((i) => i.employeeId === 'A01');
    const noNote = await decide('S01', revokeCampaign, a01[0]!.authorizationId, { decision: 'revoke', note: ' ' });
    expect([noNote.status, noNote.body.code]).toEqual([422, 'NOTE_REQUIRED']);
    const byManager = await decide('M01', revokeCampaign, a01[0]!.authorizationId, { decision: 'keep', note: '' });
    expect([byManager.status, byManager.body.code]).toEqual([403, 'NOT_REVIEWER']);
    const byGrantee = await decide('A01', revokeCampaign, a01[0]!.authorizationId, { decision: 'keep', note: '' });
    expect(byGrantee.status).toBe(403);
    const notAnItem = await decide('S01', revokeCampaign, crypto.randomUUID(), { decision: 'keep', note: '' });
    expect(notAnItem.status).toBe(404);

    let position = '';
    for (const item of a01) {
      const revoked = await decide('S01', revokeCampaign, item.authorizationId, { decision: 'revoke', note: 'moved off the refunds desk' });
      expect(revoked.status).toBe(200);
      position = revoked.body.position;
    }
    const denied = await check('A01', 'compensation.issue', position);
    expect(denied.body).toMatchObject({ allowed: false, reason: 'REVOKED' });
    const view = await get(t, 'M01', `/v1/authorizations/${a01[0]!.authorizationId}`);
    expect(view.body.history.at(-1).data).toMatchObject({ cause: 'access-review', reason: `access review "Team A, compensation" (${revokeCampaign}): moved off the refunds desk` });

    // A02..A11 keep all three; everyone else is left undecided.
    for (const item of items.filter((i) => ['A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09', 'A10', 'A11'].includes(i.employeeId))) {
      expect((await decide('S01', revokeCampaign, item.authorizationId, { decision: 'keep', note: '' })).status).toBe(200);
    }
    const twice = await decide('S01', revokeCampaign, a01[0]!.authorizationId, { decision: 'keep', note: '' });
    expect([twice.status, twice.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    const keepItems = (await get(t, 'S01', `/v1/access-reviews/${keepCampaign}`)).body.items as Item[];
    for (const item of keepItems.filter((i) => ['A01', 'A02'].includes(i.employeeId))) {
      expect((await decide('S01', keepCampaign, item.authorizationId, { decision: 'revoke', note: 'not needed' })).status).toBe(200);
    }

    const progress = (await get(t, 'C01', `/v1/access-reviews/${revokeCampaign}`)).body;
    expect(progress).toMatchObject({ status: 'open', overdue: false, progress: { kept: 30, revoked: 3, defaulted: 0, undecided: 117 } });
    expect((await get(t, 'A01', `/v1/access-reviews/${revokeCampaign}`)).status).toBe(403);
    const list = await waitFor('the campaign list', async () => {
      const res = await get(t, 'S01', '/v1/access-reviews');
      const found = (res.body.items as { id: string; progress: { undecided: number } }[]).find((c) => c.id === revokeCampaign);
      return found && found.progress.undecided === 117 ? res.body : null;
    });
    expect(list.items).toHaveLength(3);
    expect((await get(t, 'A01', '/v1/access-reviews')).body.items).toEqual([]);
    // Every undecided item is a task of its reviewer: 117 + 48 + the 200 of the whole-team campaign.
    const count = async (who: string): Promise<number> => (await get(t, who, '/v1/inbox/count')).body.byKind['access-review'];
    await waitFor('the reviewer’s worklist', async () => ((await count('S01')) === 365 ? true : null));
    const page = await get(t, 'S01', '/v1/inbox?limit=500');
    const task = (page.body.items as { kind: string; subjectId: string; dueAt?: string }[]).find((i) => i.kind === 'access-review' && i.subjectId === revokeCampaign);
    expect(task).toMatchObject({ dueAt: iso(dueAt) });
    expect(await count('A01')).toBe(0);
    expect(await count('M01')).toBe(0);
  });

  it('at dueAt the scheduler applies the defaults, closes, and the revoked are denied', async () => {
    expect(await check('A20', 'compensation.issue')).toMatchObject({ body: { allowed: true } });
    schedulerNow = dueAt + 1_000;
    const closed = await waitFor('the campaigns to close', async () => {
      const [a, b] = [(await get(t, 'M01', `/v1/access-reviews/${revokeCampaign}`)).body, (await get(t, 'M01', `/v1/access-reviews/${keepCampaign}`)).body];
      return a.status === 'closed' && b.status === 'closed' ? { a, b } : null;
    });
    expect(closed.a.progress).toEqual({ kept: 30, revoked: 3, defaulted: 117, undecided: 0 });
    expect((closed.a.items as Item[]).filter((i) => i.outcome === 'revoked-by-default')).toHaveLength(117);
    expect(closed.b.progress).toEqual({ kept: 0, revoked: 2, defaulted: 48, undecided: 0 });
    expect((closed.b.items as Item[]).filter((i) => i.outcome === 'unreviewed')).toHaveLength(48);

    const audit = await get(t, 'C01', '/v1/audit?type=AccessReviewClosed');
    const closing = (audit.body.items as { data: { accessReviewId: string; counts: unknown } }[]).find((e) => e.data.accessReviewId === revokeCampaign);
    expect(closing?.data.counts).toEqual({ kept: 30, revoked: 3, unreviewed: 0, revokedByDefault: 117 });
    const later = schedulerNow + 60_000;
    await waitFor('the default revocations', async () => ((await check('A20', 'compensation.issue', undefined, later)).body.reason === 'REVOKED' ? true : null));
    expect((await check('A50', 'compensation.issue', undefined, later)).body).toMatchObject({ allowed: false, reason: 'REVOKED' });
    expect((await check('A05', 'compensation.issue', undefined, later)).body).toMatchObject({ allowed: true });
    expect((await check('A20', 'complaint.plan.review', undefined, later)).body).toMatchObject({ allowed: true });
    expect((await check('A01', 'complaint.plan.review', undefined, later)).body).toMatchObject({ allowed: false, reason: 'REVOKED' });

    await waitFor('closed campaigns to leave the worklist', async () => ((await get(t, 'S01', '/v1/inbox/count')).body.byKind['access-review'] === 200 ? true : null));
    const late = await decide('S01', revokeCampaign, (closed.a.items as Item[])[0]!.authorizationId, { decision: 'keep', note: '' });
    expect([late.status, late.body.code]).toEqual([409, 'INVALID_TRANSITION']);
  });
});
