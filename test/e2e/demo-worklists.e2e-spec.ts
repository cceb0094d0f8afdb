import { DEMO_DIRECTORY } from '../../apps/all-in-one/src/demo-seed.js';
import { act, application, get } from '../support/call-center.js';
import { HOOK_TIMEOUT_MS, startTestApp, type TestApp } from '../support/test-app.js';

type Item = { kind: string; subjectId: string; action?: number };
const key = (item: Item): string => `${item.kind}:${item.subjectId}${item.action === undefined ? '' : `#${item.action}`}`;

/**
 * The demo call center (apps/all-in-one/src/demo-seed.ts) through a week of duties: every person's
 * worklist holds exactly their open duties, no more, and empties as they do them.
 */
describe("the demo people's worklists (SPEC §11, embedded PGlite)", () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const hr = await t.token('svc:hr', { scope: 'directory:write' });
    for (const { employeeId, name, role, team, reportsTo, department } of DEMO_DIRECTORY) {
      const body = { id: employeeId, name, role, ...(team === null ? {} : { team }), ...(reportsTo === null ? {} : { reportsTo }), ...(department === null ? {} : { department }) };
      const res = await t.http.post('/v1/employees').set('authorization', `Bearer ${hr}`).send(body);
      if (res.status !== 201) throw new Error(`seed ${employeeId}: ${res.status}`);
    }
    const must = async (who: string, path: string, body: object = {}): Promise<string> => {
      const res = await act(t, who, path, body);
      if (res.status >= 300) throw new Error(`${who} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    ids['review'] = await must('E101', '/v1/applications', application());
    ids['final'] = await must('E102', '/v1/applications', application({ scope: { maxAmount: 5000 } }));
    await must('S01', `/v1/authorizations/${ids['final']}/review`, { decision: 'pass', opinion: 'ok' });
    await must('M02', `/v1/authorizations/${ids['final']}/approval`, { decision: 'approve', opinion: '' });
    ids['approval'] = await must('E201', '/v1/applications', application({ matter: 'fee.waive', scope: { maxAmount: 500 } }));
    await must('S02', `/v1/authorizations/${ids['approval']}/review`, { decision: 'pass', opinion: 'ok' });
    ids['escalation'] = await must('E201', '/v1/escalations', { authority: 'fee.waive', context: { amount: 900 }, summary: 'Customer asks to waive 900 CNY' });
    ids['report'] = await must('E101', '/v1/reports', { subjectEmployeeId: 'E102', category: 'other', description: 'Left a call unresolved', reporter: { kind: 'employee' } });
    ids['suggestion'] = await must('E102', '/v1/suggestions', { text: 'A shared FAQ for fee questions', anonymous: true });
    await must('M01', '/v1/assessments', { employeeId: 'E201', period: '2026-11', teamworkScore: 3, result: 'needs_improvement', consequences: ['training'], notes: 'Escalates late' });
    ids['meeting'] = await must('S01', '/v1/meetings', {
      kind: 'supervisor-team',
      team: 'A',
      heldAt: '2026-12-01T09:00:00Z',
      attendees: ['S01', 'E101', 'E102'],
      minutes: 'Holiday rota',
      actions: [{ owner: 'E101', text: 'Publish the rota', dueAt: '2026-12-05T00:00:00Z' }],
    });
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t.close(), HOOK_TIMEOUT_MS);

  const worklist = async (who: string): Promise<string[]> => {
    const res = await get(t, who, '/v1/inbox');
    expect(res.status).toBe(200);
    return (res.body.items as Item[]).map(key).sort();
  };

  it('shows every demo person exactly their open duties', async () => {
    const expected: Record<string, string[]> = {
      M01: [`approval:${ids['approval']}`, `report:${ids['report']}`, `suggestion:${ids['suggestion']}`],
      M02: [`approval:${ids['approval']}`, `report:${ids['report']}`, `suggestion:${ids['suggestion']}`],
      X01: [`final-approval:${ids['final']}`],
      S01: [`report:${ids['report']}`, `review:${ids['review']}`],
      S02: [`escalation:${ids['escalation']}`],
      E101: [`meeting-action:${ids['meeting']}#0`],
      E102: [],
      E201: ['training:assessment-follow-up-2026-11'],
      T01: [],
      C01: [],
    };
    for (const { employeeId } of DEMO_DIRECTORY) expect([employeeId, await worklist(employeeId)]).toEqual([employeeId, (expected[employeeId] ?? []).sort()]);
    const count = await get(t, 'M01', '/v1/inbox/count');
    expect(count.body).toMatchObject({ total: 3, byKind: { approval: 1, report: 1, suggestion: 1, review: 0 } });
  });

  it('empties a worklist as its owner does the duties', async () => {
    await act(t, 'S01', `/v1/authorizations/${ids['review']}/review`, { decision: 'pass', opinion: 'ok' });
    await act(t, 'S02', `/v1/escalations/${ids['escalation']}/resolution`, { resolution: 'Waived once' });
    await act(t, 'E101', `/v1/meetings/${ids['meeting']}/actions/0/completion`);
    expect(await worklist('S02')).toEqual([]);
    expect(await worklist('E101')).toEqual([]);
    expect(await worklist('S01')).toEqual([`report:${ids['report']}`]);
    expect(await worklist('M02')).toEqual([`approval:${ids['approval']}`, `approval:${ids['review']}`, `report:${ids['report']}`, `suggestion:${ids['suggestion']}`].sort());
  });
});
