/**
 * GET /v1/reports from the records read model (SPEC §10, §11): filing order, pages by its own cursor,
 * a supervisor reads their team's reports, managers and compliance all, an employee reporter shown
 * only to the investigator and compliance; read-your-writes by X-Consistency-Token.
 * On the embedded store (PGlite) and on PostgreSQL.
 */
import { act, get, seedDirectory } from '../support/call-center.js';
import { freshDatabase, HOOK_TIMEOUT_MS, startTestApp, type TestApp } from '../support/test-app.js';

type Listed = { id: string; subjectEmployeeId: string; status: string; reporter: Record<string, unknown>; reportedBy?: string; filedAt: string | null; conclusion: unknown };

describe.each([
  ['PGlite', async (): Promise<Record<string, string>> => ({})],
  ['PostgreSQL', async (): Promise<Record<string, string>> => ({ EVENT_STORE_URL: await freshDatabase('e2e_reports_list') })],
])('the list of reports (%s)', (_store, env) => {
  let t: TestApp;
  const filed: string[] = [];
  let last = '';

  const report = (subjectEmployeeId: string, description: string) => ({ subjectEmployeeId, category: 'out_of_scope', description, reporter: { kind: 'employee' } });
  const ids = (items: Listed[]): string[] => items.map((item) => item.id).filter((id) => filed.includes(id));

  beforeAll(async () => {
    t = await startTestApp(await env());
    await seedDirectory(t);
    for (const [who, subject] of [['E102', 'E101'], ['M02', 'E201'], ['E101', 'E102']] as const) {
      const res = await act(t, who, '/v1/reports', report(subject, `report about ${subject}`));
      expect(res.status).toBe(201);
      filed.push(res.body.id as string);
      last = res.body.position as string;
    }
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t.close(), HOOK_TIMEOUT_MS);

  it('lists every report in filing order for a manager, a page at a time', async () => {
    const all = await get(t, 'M01', '/v1/reports', { 'x-consistency-token': last });
    expect(all.status).toBe(200);
    expect(ids(all.body.items as Listed[])).toEqual(filed);
    expect(all.body.items[0]).toMatchObject({ subjectEmployeeId: 'E101', status: 'filed', reporter: { kind: 'employee' }, investigatorId: null, conclusion: null, feedback: null });
    expect(all.body.items[0].filedAt).toEqual(expect.any(String));
    expect(all.body.items[0]).not.toHaveProperty('reportedBy');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(t, 'M01', `/v1/reports?limit=1${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(1);
      seen.push(...(page.body.items as Listed[]).map((item) => item.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor !== null);
    expect(seen).toEqual(filed);
  });

  it('shows a supervisor their team’s reports only, and refuses an agent, a cursor it did not issue and a bad filter', async () => {
    expect(ids((await get(t, 'S01', '/v1/reports')).body.items as Listed[])).toEqual([filed[0], filed[2]]);
    expect(ids((await get(t, 'S02', '/v1/reports')).body.items as Listed[])).toEqual([filed[1]]);
    expect(ids((await get(t, 'S01', '/v1/reports?subjectEmployeeId=E102')).body.items as Listed[])).toEqual([filed[2]]);
    const agent = await get(t, 'E101', '/v1/reports');
    expect([agent.status, agent.body.code]).toEqual([403, 'NOT_ALLOWED_TO_READ']);
    const cursor = await get(t, 'M01', '/v1/reports?cursor=not-ours');
    expect([cursor.status, cursor.body.code]).toEqual([400, 'INVALID_CURSOR']);
    expect((await get(t, 'M01', '/v1/reports?status=lost')).status).toBe(400);
  });

  it('follows a report through its investigation, showing its employee reporter to the investigator and compliance only', async () => {
    const id = filed[0] as string;
    const started = await act(t, 'M01', `/v1/reports/${id}/investigation`);
    expect(started.status).toBe(200);
    const concluded = await act(t, 'M01', `/v1/reports/${id}/conclusion`, { finding: 'dismissed', summary: 'Within the grant after all', actions: [] });
    expect(concluded.status).toBe(200);
    const at = { 'x-consistency-token': concluded.body.position as string };
    const byInvestigator = (await get(t, 'M01', '/v1/reports?status=concluded', at)).body.items as Listed[];
    expect(byInvestigator).toEqual([expect.objectContaining({ id, status: 'concluded', investigatorId: 'M01', reporter: { kind: 'employee', employeeId: 'E102' }, reportedBy: 'E102', conclusion: expect.objectContaining({ finding: 'dismissed' }) })]);
    expect(((await get(t, 'C01', '/v1/reports?status=concluded', at)).body.items as Listed[])[0]?.reporter).toEqual({ kind: 'employee', employeeId: 'E102' });
    const bySupervisor = ((await get(t, 'S01', '/v1/reports?status=concluded', at)).body.items as Listed[])[0];
    expect(bySupervisor?.reporter).toEqual({ kind: 'employee' });
    expect(bySupervisor).not.toHaveProperty('reportedBy');
    expect((await get(t, 'S01', '/v1/reports?status=filed', at)).body.items.map((item: Listed) => item.id)).toEqual([filed[2]]);
  });

  it("keeps a substantiated report on its subject's record without naming who reported it", async () => {
    const id = filed[2] as string; // E101 reported E102
    expect((await act(t, 'M01', `/v1/reports/${id}/investigation`)).status).toBe(200);
    const concluded = await act(t, 'M01', `/v1/reports/${id}/conclusion`, { finding: 'substantiated', summary: 'Confirmed on the recording', actions: [] });
    expect(concluded.status).toBe(200);
    const at = { 'x-consistency-token': concluded.body.position as string };
    for (const reader of ['E102', 'S01', 'C01']) {
      const record = await get(t, reader, '/v1/employees/E102/record', at);
      expect(record.status).toBe(200);
      expect(record.body.substantiatedViolations).toEqual([{ id, subjectEmployeeId: 'E102', status: 'concluded', investigatorId: 'M01', filedAt: expect.any(String), finding: 'substantiated', concludedAt: expect.any(String) }]);
      expect(JSON.stringify(record.body.substantiatedViolations)).not.toContain('E101');
    }
  });
});
