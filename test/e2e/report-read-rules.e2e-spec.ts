/**
 * Who may read a report is written twice: as a query over the records read model (GET /v1/reports)
 * and as ReportAccess over the report's own stream (GET /v1/reports/{id}). This test holds the two to
 * one rule: for every person of the directory and every report — including one its investigator
 * supervises no longer, after its subject moved team — a report is in the reader's list exactly when
 * its single read shows it in full, and both show it with the same redaction (SPEC §10, §11).
 */
import { act, DIRECTORY, get, seedDirectory } from '../support/call-center.js';
import { HOOK_TIMEOUT_MS, startTestApp, type TestApp } from '../support/test-app.js';

type View = Record<string, unknown> & { id: string };

describe('the list of reports and the single read apply one rule', () => {
  let t: TestApp;
  const filed: string[] = [];
  let last = '';

  const file = async (who: string, subjectEmployeeId: string): Promise<void> => {
    const res = await act(t, who, '/v1/reports', { subjectEmployeeId, category: 'out_of_scope', description: `${who} about ${subjectEmployeeId}`, reporter: { kind: 'employee' } });
    expect(res.status).toBe(201);
    filed.push(res.body.id as string);
    last = res.body.position as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await seedDirectory(t);
    await file('E102', 'E101'); // team A, S01's
    await file('M02', 'E201'); // team B, S02's
    await file('E101', 'E102'); // team A; S01 investigates, then E102 moves to team B
    await file('S02', 'S01'); // a supervisor reported; M01 is S01's superior
    const investigated = await act(t, 'S01', `/v1/reports/${filed[2] as string}/investigation`);
    expect(investigated.status).toBe(200);
    const hr = await t.token('svc:hr', { scope: 'directory:write' });
    const moved = await t.http.patch('/v1/employees/E102').set('authorization', `Bearer ${hr}`).send({ team: 'B', reportsTo: 'S02' });
    expect(moved.status).toBe(200);
    last = (moved.body.position as string | undefined) ?? last;
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t.close(), HOOK_TIMEOUT_MS);

  it.each([...DIRECTORY.map((person) => person.id), 'svc:audit'])('%s: listed exactly when read in full, with the same redaction', async (reader) => {
    const list = await get(t, reader, '/v1/reports?limit=200', { 'x-consistency-token': last });
    const listed = new Map<string, View>(list.status === 200 ? (list.body.items as View[]).filter((item) => filed.includes(item.id)).map((item) => [item.id, item]) : []);
    if (list.status !== 200) expect([list.status, list.body.code]).toEqual([403, 'NOT_ALLOWED_TO_READ']);
    for (const id of filed) {
      const single = await get(t, reader, `/v1/reports/${id}`);
      // Read in full: the view has the report's text and investigator (the reporter's own view has not).
      const full = single.status === 200 && 'description' in single.body;
      const { position: _position, ...view } = (single.body ?? {}) as View & { position?: string };
      expect({ reader, id, listed: listed.has(id), full }).toEqual({ reader, id, listed: full, full });
      if (full) expect(listed.get(id)).toEqual(view);
    }
  });

  it('reads as the rules say for the supervisors, so the agreement above is not vacuous', async () => {
    const listedBy = async (reader: string): Promise<string[]> =>
      ((await get(t, reader, '/v1/reports?limit=200', { 'x-consistency-token': last })).body.items as View[]).map((item) => item.id).filter((id) => filed.includes(id));
    // S01: E101's (team A) and the one they investigate though E102 has left their team.
    expect(await listedBy('S01')).toEqual([filed[0], filed[2]]);
    // S02: E201's and E102's (team B now).
    expect(await listedBy('S02')).toEqual([filed[1], filed[2]]);
    expect(await listedBy('M01')).toEqual(filed);
  });
});
