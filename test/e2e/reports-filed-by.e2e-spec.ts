/**
 * GET /v1/reports?filedBy=me (SPEC §11 read-backs): a reporter lists their own reports — an employee
 * those they reported or filed, a reports:write service those it filed — redacted as GET /v1/reports/{id}
 * redacts them for their reporter (status, finding, feedback; never the investigation notes).
 * On the embedded store (PGlite) and on PostgreSQL.
 */
import { act, get, seedDirectory } from '../support/call-center.js';
import { freshDatabase, HOOK_TIMEOUT_MS, startTestApp, type TestApp } from '../support/test-app.js';

type Own = {
  id: string;
  status: string;
  subjectEmployeeId: string;
  category: string;
  filedAt: string | null;
  finding: string | null;
  feedback: { message: string } | null;
};

describe.each([
  ['PGlite', async (): Promise<Record<string, string>> => ({})],
  [
    'PostgreSQL',
    async (): Promise<Record<string, string>> => ({
      EVENT_STORE_URL: await freshDatabase('e2e_reports_filed_by'),
    }),
  ],
])("a reporter's own reports (%s)", (_store, env) => {
  let t: TestApp;
  const filed: Record<string, string> = {};
  let last = '';

  const report = (subjectEmployeeId: string, reporter: Record<string, unknown>) => ({
    subjectEmployeeId,
    category: 'out_of_scope',
    description: `secret notes about ${subjectEmployeeId}`,
    reporter,
  });
  const asService = async (sub: string, scope: string) => t.token(sub, { scope });

  beforeAll(async () => {
    t = await startTestApp(await env());
    await seedDirectory(t);
    for (const [key, who, subject, reporter] of [
      ['e102', 'E102', 'E101', { kind: 'employee' }],
      ['e102b', 'E102', 'E201', { kind: 'customer', contact: 'c@example.com' }],
      ['e201', 'E201', 'E102', { kind: 'employee' }],
    ] as const) {
      const res = await act(t, who, '/v1/reports', report(subject, reporter));
      expect(res.status).toBe(201);
      filed[key] = res.body.id as string;
      last = res.body.position as string;
    }
    const crm = await asService('svc:crm', 'reports:write');
    const byService = await t.http
      .post('/v1/reports')
      .set('authorization', `Bearer ${crm}`)
      .send(report('E101', { kind: 'customer', contact: 'x@example.com' }));
    expect(byService.status).toBe(201);
    filed['crm'] = byService.body.id as string;
    last = byService.body.position as string;
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t.close(), HOOK_TIMEOUT_MS);

  it('lists an agent their own reports only, in filing order, without the description or who investigates', async () => {
    const mine = await get(t, 'E102', '/v1/reports?filedBy=me', {
      'x-consistency-token': last,
    });
    expect(mine.status).toBe(200);
    expect((mine.body.items as Own[]).map((item) => item.id)).toEqual([filed['e102'], filed['e102b']]);
    expect(mine.body.items[0]).toEqual({
      id: filed['e102'],
      status: 'filed',
      subjectEmployeeId: 'E101',
      category: 'out_of_scope',
      filedAt: expect.any(String),
      finding: null,
      feedback: null,
    });
    expect(JSON.stringify(mine.body)).not.toContain('secret notes');
    expect(mine.body.nextCursor).toBeNull();
    // Without filedBy an agent still reads no list of reports.
    const plain = await get(t, 'E102', '/v1/reports');
    expect([plain.status, plain.body.code]).toEqual([403, 'NOT_ALLOWED_TO_READ']);
    // Nobody else's: E201 sees only theirs; a manager's filedBy=me is their own (none).
    expect(
      (
        await get(t, 'E201', '/v1/reports?filedBy=me', {
          'x-consistency-token': last,
        })
      ).body.items.map((item: Own) => item.id),
    ).toEqual([filed['e201']]);
    expect(
      (
        await get(t, 'M01', '/v1/reports?filedBy=me', {
          'x-consistency-token': last,
        })
      ).body.items,
    ).toEqual([]);
  });

  it('pages, filters by status, and shows the finding and feedback once concluded, never the summary', async () => {
    const id = filed['e102'] as string;
    expect((await act(t, 'S01', `/v1/reports/${id}/investigation`)).status).toBe(200);
    expect(
      (
        await act(t, 'S01', `/v1/reports/${id}/conclusion`, {
          finding: 'dismissed',
          summary: 'investigation notes: within the grant',
          actions: [],
        })
      ).status,
    ).toBe(200);
    const notified = await act(t, 'S01', `/v1/reports/${id}/feedback`, {
      message: 'Thank you; no breach found',
    });
    expect(notified.status).toBe(200);
    const at = { 'x-consistency-token': notified.body.position as string };
    const done = await get(t, 'E102', '/v1/reports?filedBy=me&status=notified', at);
    expect(done.body.items).toEqual([
      expect.objectContaining({
        id,
        status: 'notified',
        finding: 'dismissed',
        feedback: { message: 'Thank you; no breach found' },
      }),
    ]);
    expect(JSON.stringify(done.body)).not.toContain('investigation notes');
    expect(done.body.items[0]).not.toHaveProperty('investigatorId');
    const first = await get(t, 'E102', '/v1/reports?filedBy=me&limit=1', at);
    expect(first.body.items.map((item: Own) => item.id)).toEqual([id]);
    const second = await get(t, 'E102', `/v1/reports?filedBy=me&limit=1&cursor=${encodeURIComponent(first.body.nextCursor as string)}`, at);
    expect(second.body.items.map((item: Own) => item.id)).toEqual([filed['e102b']]);
  });

  it('lists a reports:write service the reports it filed, and refuses other services and bad input', async () => {
    const crm = await asService('svc:crm', 'reports:write');
    const own = await t.http.get('/v1/reports?filedBy=me').set('authorization', `Bearer ${crm}`).set('x-consistency-token', last);
    expect(own.status).toBe(200);
    expect(own.body.items.map((item: Own) => item.id)).toEqual([filed['crm']]);
    const other = await t.http.get('/v1/reports?filedBy=me').set('authorization', `Bearer ${await asService('svc:crm', 'checks:read')}`);
    expect([other.status, other.body.code]).toEqual([403, 'NOT_ALLOWED_TO_READ']);
    const someoneElse = await get(t, 'E102', '/v1/reports?filedBy=E201');
    expect(someoneElse.status).toBe(400);
    expect(someoneElse.headers['content-type']).toContain('application/problem+json');
    expect((await get(t, 'E102', '/v1/reports?filedBy=me&cursor=not-ours')).body.code).toBe('INVALID_CURSOR');
  });
});
