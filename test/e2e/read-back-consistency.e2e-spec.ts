/**
 * Read-your-writes on every read-back of SPEC §11 (escalations, suggestions, assessments, inspections,
 * meetings, training plans, access reviews, reports, an employee's record, catalogue versions): each
 * takes X-Consistency-Token like the other read routes — a write's `position` reads the write back, a
 * malformed token or one beyond anything written is 400 at once — and the OpenAPI document says so.
 * On the embedded store (PGlite) and on PostgreSQL.
 */
import { act, DAY, get, iso, seedDirectory } from '../support/call-center.js';
import { freshDatabase, HOOK_TIMEOUT_MS, startTestApp, type TestApp } from '../support/test-app.js';

/** Every read-back route, as a path the reader may read. */
const READ_BACKS: readonly { readonly who: string; readonly path: string; readonly openapi: string }[] = [
  { who: 'M01', path: '/v1/escalations', openapi: '/v1/escalations' },
  { who: 'M01', path: '/v1/assessments', openapi: '/v1/assessments' },
  { who: 'M01', path: '/v1/inspections', openapi: '/v1/inspections' },
  { who: 'M01', path: '/v1/suggestions', openapi: '/v1/suggestions' },
  { who: 'M01', path: '/v1/meetings', openapi: '/v1/meetings' },
  { who: 'M01', path: '/v1/access-reviews', openapi: '/v1/access-reviews' },
  { who: 'M01', path: '/v1/reports', openapi: '/v1/reports' },
  { who: 'M01', path: '/v1/employees/E101/record', openapi: '/v1/employees/{id}/record' },
  { who: 'E101', path: '/v1/catalogue/versions', openapi: '/v1/catalogue/versions' },
  { who: 'E101', path: '/v1/training-plans/2027', openapi: '/v1/training-plans/{year}' },
];

const ids = <T extends { id: string }>(body: { items: T[] }): string[] => body.items.map((item) => item.id);

describe.each([
  ['PGlite', async (): Promise<Record<string, string>> => ({})],
  ['PostgreSQL', async (): Promise<Record<string, string>> => ({ EVENT_STORE_URL: await freshDatabase('e2e_read_back_tokens') })],
])('read-backs honour X-Consistency-Token (%s)', (_store, env) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(await env());
    await seedDirectory(t);
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t.close(), HOOK_TIMEOUT_MS);

  it('reads each write back with the position its answer carried', async () => {
    const raised = await act(t, 'E102', '/v1/escalations', { authority: 'fee.waive', context: { amount: 900 }, summary: 'Customer asks to waive 900 CNY' });
    expect(raised.status).toBe(201);
    const afterRaise = { 'x-consistency-token': raised.body.position as string };
    expect(ids((await get(t, 'E102', '/v1/escalations', afterRaise)).body)).toContain(raised.body.id);
    expect((await get(t, 'E102', `/v1/escalations/${raised.body.id as string}`, afterRaise)).body).toMatchObject({ id: raised.body.id, status: 'open' });

    const suggested = await act(t, 'E101', '/v1/suggestions', { text: 'More phone lines' });
    expect(suggested.status).toBe(201);
    const afterSuggestion = { 'x-consistency-token': suggested.body.position as string };
    expect(ids((await get(t, 'E101', '/v1/suggestions', afterSuggestion)).body)).toContain(suggested.body.id);
    expect((await get(t, 'M01', `/v1/suggestions/${suggested.body.id as string}`, afterSuggestion)).body).toMatchObject({ text: 'More phone lines', yours: false });

    const assessed = await act(t, 'M01', '/v1/assessments', { employeeId: 'E101', period: '2026-Q3', teamworkScore: 4, result: 'satisfactory', consequences: [], notes: 'steady' });
    expect(assessed.status).toBe(201);
    const afterAssessment = { 'x-consistency-token': assessed.body.position as string };
    expect((await get(t, 'S01', '/v1/assessments?employeeId=E101', afterAssessment)).body.items).toMatchObject([{ employeeId: 'E101', period: '2026-Q3' }]);
    const record = await get(t, 'M01', '/v1/employees/E101/record', afterAssessment);
    expect(record.status).toBe(200);
    expect(record.body.lastAssessment).toMatchObject({ period: '2026-Q3', result: 'satisfactory' });

    const inspected = await act(t, 'S01', '/v1/inspections', { employeeId: 'E101', kind: 'periodic', period: '2026-11', findings: 'All within scope', compliant: true });
    expect(inspected.status).toBe(201);
    expect((await get(t, 'S01', '/v1/inspections?employeeId=E101', { 'x-consistency-token': inspected.body.position as string })).body.items).toMatchObject([{ employeeId: 'E101', compliant: true }]);

    const meeting = { kind: 'supervisor-team', team: 'A', heldAt: '2026-12-01T09:00:00Z', attendees: ['S01', 'E101'], minutes: 'Rota agreed', actions: [{ owner: 'E101', text: 'Publish the rota', dueAt: '2026-12-05T00:00:00Z' }] };
    const recorded = await act(t, 'S01', '/v1/meetings', meeting);
    expect(recorded.status).toBe(201);
    expect(ids((await get(t, 'E101', '/v1/meetings', { 'x-consistency-token': recorded.body.position as string })).body)).toContain(recorded.body.id);

    const plan = { year: 2027, courses: [{ course: 'privacy-basics', title: 'Privacy basics', roles: ['agent'], sessions: [{ at: '2027-03-01T09:00:00Z', lecturer: 'Acme Academy', mode: 'external' }] }] };
    const published = await act(t, 'M01', '/v1/training-plans', plan);
    expect(published.status).toBe(201);
    const read = await get(t, 'E101', '/v1/training-plans/2027', { 'x-consistency-token': published.body.position as string });
    expect([read.status, read.body.year]).toEqual([200, 2027]);

    const started = await act(t, 'M01', '/v1/access-reviews', { title: 'Team A', team: 'A', dueAt: iso(Date.now() + 7 * DAY), defaultDecision: 'keep' });
    expect(started.status).toBe(201);
    const afterStart = { 'x-consistency-token': started.body.position as string };
    expect(ids((await get(t, 'M01', '/v1/access-reviews', afterStart)).body)).toContain(started.body.id);
    expect((await get(t, 'M01', `/v1/access-reviews/${started.body.id as string}`, afterStart)).status).toBe(200);

    const versions = await get(t, 'E101', '/v1/catalogue/versions', afterStart);
    expect(versions.body.items.some((v: { current: boolean }) => v.current)).toBe(true);
  });

  it('refuses, at once, a malformed token and one beyond anything the store has written on every read-back', async () => {
    const ahead = `${'9'.repeat(20)}.${'9'.repeat(20)}`;
    for (const { who, path } of READ_BACKS) {
      for (const token of ['not-a-position', ahead]) {
        const res = await get(t, who, path, { 'x-consistency-token': token });
        expect([path, token, res.status, res.body.code]).toEqual([path, token, 400, 'VALIDATION_FAILED']);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    }
    const escalation = await act(t, 'E102', '/v1/escalations', { authority: 'fee.waive', summary: 'one more' });
    const report = await act(t, 'M02', '/v1/reports', { subjectEmployeeId: 'E101', category: 'other', description: 'one more', reporter: { kind: 'employee' } });
    for (const path of [`/v1/escalations/${escalation.body.id as string}`, `/v1/reports/${report.body.id as string}`, '/v1/access-reviews/00000000-0000-4000-8000-000000000000']) {
      expect((await get(t, 'M01', path, { 'x-consistency-token': ahead })).status).toBe(400);
    }
  });

  it('documents X-Consistency-Token on every read-back', async () => {
    const doc = (await t.http.get('/openapi.json')).body as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
    const documented = (path: string): boolean => (doc.paths[path]?.['get']?.parameters ?? []).some((p) => p.in === 'header' && p.name.toLowerCase() === 'x-consistency-token');
    const paths = [...READ_BACKS.map((r) => r.openapi), '/v1/escalations/{id}', '/v1/suggestions/{id}', '/v1/access-reviews/{id}', '/v1/reports/{id}'];
    expect(paths.filter((path) => !documented(path))).toEqual([]);
  });
});
