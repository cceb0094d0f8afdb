import { act, application, get, seedDirectory } from '../support/call-center.js';
import { HOOK_TIMEOUT_MS, startTestApp, type TestApp } from '../support/test-app.js';

type Item = { kind: string; subjectId: string; reason?: string; dueAt?: string; since: string };

describe('closing the loops over HTTP (SPEC §11, embedded PGlite)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDirectory(t);
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t.close(), HOOK_TIMEOUT_MS);

  const inbox = async (who: string): Promise<Item[]> => {
    const res = await get(t, who, '/v1/inbox');
    expect(res.status).toBe(200);
    return res.body.items as Item[];
  };

  it('names the rule that sent an application to final approval', async () => {
    const applied = await act(t, 'E101', '/v1/applications', application({ scope: { maxAmount: 5000 } }));
    const id = applied.body.id as string;
    await act(t, 'S01', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: 'ok' });
    await act(t, 'M02', `/v1/authorizations/${id}/approval`, { decision: 'approve', opinion: '' });
    const task = (await inbox('X01')).find((item) => item.subjectId === id);
    expect(task).toMatchObject({ kind: 'final-approval', authorizationId: id, employeeId: 'E101', reason: 'maxAmount 5000 > 2000' });
  });

  it('puts an escalation in the superior’s worklist until resolved, and lets the raiser read the answer', async () => {
    const raised = await act(t, 'E102', '/v1/escalations', { authority: 'fee.waive', context: { amount: 900 }, summary: 'Customer asks to waive 900 CNY' });
    const id = raised.body.id as string;
    expect((await inbox('S01')).filter((item) => item.subjectId === id)).toMatchObject([{ kind: 'escalation', employeeId: 'E102' }]);
    expect((await inbox('S02')).some((item) => item.subjectId === id)).toBe(false);
    await act(t, 'S01', `/v1/escalations/${id}/resolution`, { resolution: 'Waived by the supervisor' });
    expect((await inbox('S01')).some((item) => item.subjectId === id)).toBe(false);
    const read = await get(t, 'E102', `/v1/escalations/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, status: 'resolved', resolution: { resolvedBy: 'S01', resolution: 'Waived by the supervisor' } });
    expect((await get(t, 'E101', `/v1/escalations/${id}`)).status).toBe(403);
    expect((await get(t, 'S02', `/v1/escalations/${id}`)).status).toBe(403);
    expect((await get(t, 'C01', `/v1/escalations/${id}`)).status).toBe(200);
    expect((await get(t, 'E102', '/v1/escalations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const mine = await get(t, 'E102', '/v1/escalations?status=resolved');
    expect((mine.body.items as { id: string }[]).map((e) => e.id)).toContain(id);
    expect(((await get(t, 'E201', '/v1/escalations')).body.items as { id: string }[]).some((e) => e.id === id)).toBe(false);
    expect((await get(t, 'E102', '/v1/escalations?status=nope')).status).toBe(400);
  });

  it('turns a report’s training and warning into a training task and a record entry', async () => {
    const filed = await act(t, 'E102', '/v1/reports', { subjectEmployeeId: 'E201', category: 'misconduct', description: 'Rude to a customer', reporter: { kind: 'employee' } });
    const id = filed.body.id as string;
    const filedTasks = (await inbox('S02')).filter((item) => item.subjectId === id);
    expect(filedTasks).toMatchObject([{ kind: 'report', employeeId: 'E201' }]);
    expect((await inbox('M01')).some((item) => item.subjectId === id)).toBe(true);
    expect((await inbox('E102')).some((item) => item.subjectId === id)).toBe(false);
    await act(t, 'S02', `/v1/reports/${id}/investigation`);
    expect((await inbox('M01')).some((item) => item.subjectId === id)).toBe(false);
    const concluded = await act(t, 'S02', `/v1/reports/${id}/conclusion`, { finding: 'substantiated', summary: 'Confirmed on the recording', actions: [{ type: 'warning' }, { type: 'training', course: 'courtesy-101' }] });
    expect(concluded.status).toBe(200);
    const training = (await inbox('E201')).find((item) => item.kind === 'training');
    expect(training).toMatchObject({ subjectId: 'courtesy-101' });
    expect(Date.parse(training?.dueAt ?? '') - Date.parse(training?.since ?? '')).toBe(30 * 24 * 60 * 60 * 1000);
    const record = await get(t, 'S02', '/v1/employees/E201/record');
    expect(record.status).toBe(200);
    expect(record.body.warnings).toMatchObject([{ employeeId: 'E201', source: { kind: 'report', id } }]);
    expect(record.body.substantiatedViolations).toMatchObject([{ id, finding: 'substantiated' }]);
    expect(record.body.trainings).toMatchObject([{ course: 'courtesy-101', open: true }]);
    expect((await get(t, 'S01', '/v1/employees/E201/record')).status).toBe(403);
    expect((await get(t, 'E201', '/v1/employees/E201/record')).status).toBe(200);
    expect((await get(t, 'M01', '/v1/employees/NOBODY/record')).status).toBe(404);

    const hr = await t.token('svc:hr', { scope: 'directory:write' });
    const done = await t.http.post('/v1/employees/E201/trainings').set('authorization', `Bearer ${hr}`).send({ course: 'courtesy-101', completedAt: new Date().toISOString() });
    expect(done.status).toBe(201);
    expect((await inbox('E201')).some((item) => item.kind === 'training')).toBe(false);
    const before = await get(t, 'E102', `/v1/reports/${id}`);
    expect(before.body).toEqual({ id, status: 'concluded', subjectEmployeeId: 'E201', category: 'misconduct', filedAt: expect.any(String), finding: 'substantiated', feedback: null, position: expect.any(String) });
    await act(t, 'S02', `/v1/reports/${id}/feedback`, { message: 'Acted upon' });
    expect((await inbox('S02')).some((item) => item.subjectId === id)).toBe(false);
    const after = await get(t, 'E102', `/v1/reports/${id}`);
    expect(after.body).toMatchObject({ status: 'notified', finding: 'substantiated', feedback: { message: 'Acted upon' } });
    expect(after.body.conclusion).toBeUndefined();
    expect((await get(t, 'E101', `/v1/reports/${id}`)).status).toBe(403);
  });

  it('lets the reports:write service that filed a customer report read its result, and no other service', async () => {
    const crm = await t.token('svc:crm', { scope: 'reports:write' });
    const filed = await t.http.post('/v1/reports').set('authorization', `Bearer ${crm}`).send({ subjectEmployeeId: 'E101', category: 'other', description: 'Curt on the phone', reporter: { kind: 'customer', contact: 'c-4711' } });
    const id = filed.body.id as string;
    await act(t, 'S01', `/v1/reports/${id}/investigation`);
    await act(t, 'S01', `/v1/reports/${id}/conclusion`, { finding: 'dismissed', summary: 'Recording shows a polite agent', actions: [] });
    await act(t, 'S01', `/v1/reports/${id}/feedback`, { message: 'We found no fault.' });
    const read = await t.http.get(`/v1/reports/${id}`).set('authorization', `Bearer ${crm}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'notified', finding: 'dismissed', feedback: { message: 'We found no fault.' } });
    expect(read.body.description).toBeUndefined();
    const other = await t.token('svc:ticketing', { scope: 'reports:write' });
    expect((await t.http.get(`/v1/reports/${id}`).set('authorization', `Bearer ${other}`)).status).toBe(403);
  });

  it('assigns the assessment follow-up course and lets the employee read their assessment', async () => {
    const recorded = await act(t, 'M01', '/v1/assessments', { employeeId: 'E102', period: '2026-Q3', teamworkScore: 2, result: 'needs_improvement', consequences: ['training'], notes: 'Slow escalations' });
    expect(recorded.status).toBe(201);
    expect((await inbox('E102')).filter((item) => item.kind === 'training')).toMatchObject([{ subjectId: 'assessment-follow-up-2026-Q3' }]);
    const own = await get(t, 'E102', '/v1/assessments?period=2026-Q3');
    expect(own.body.items).toMatchObject([{ employeeId: 'E102', period: '2026-Q3', result: 'needs_improvement' }]);
    expect((await get(t, 'E101', '/v1/assessments?employeeId=E102')).body.items).toEqual([]);
    expect((await get(t, 'S01', '/v1/assessments?employeeId=E102')).body.items).toHaveLength(1);
    expect((await get(t, 'S01', '/v1/assessments?period=2026-13')).status).toBe(400);
  });

  it('lists inspections with filters to the inspected, their superior, managers and compliance', async () => {
    await act(t, 'S01', '/v1/inspections', { employeeId: 'E101', kind: 'periodic', period: '2026-11', findings: 'All within scope', compliant: true });
    await act(t, 'S01', '/v1/inspections', { employeeId: 'E102', kind: 'spot', findings: 'One refund beyond scope', compliant: false });
    const team = await get(t, 'M01', '/v1/inspections?team=A&compliant=false');
    expect(team.body.items).toMatchObject([{ employeeId: 'E102', compliant: false }]);
    expect((await get(t, 'E101', '/v1/inspections')).body.items).toMatchObject([{ employeeId: 'E101', period: '2026-11' }]);
    expect((await get(t, 'S02', '/v1/inspections?team=A')).body.items).toEqual([]);
  });

  it('gives managers every suggestion to answer and lets an anonymous submitter alone read theirs back', async () => {
    const submitted = await act(t, 'E201', '/v1/suggestions', { text: 'Let agents waive fees up to 50 CNY', anonymous: true });
    const id = submitted.body.id as string;
    expect(submitted.body.authorDigest).toBeUndefined();
    expect((await inbox('M02')).filter((item) => item.subjectId === id)).toMatchObject([{ kind: 'suggestion' }]);
    expect((await inbox('S01')).some((item) => item.subjectId === id)).toBe(false);
    const own = await get(t, 'E201', '/v1/suggestions');
    expect(own.body.items).toEqual([expect.objectContaining({ id, anonymous: true, submittedBy: null, yours: true, status: 'open' })]);
    expect(own.body.items[0].authorDigest).toBeUndefined();
    expect((await get(t, 'E101', '/v1/suggestions')).body.items).toEqual([]);
    expect((await get(t, 'E101', `/v1/suggestions/${id}`)).status).toBe(403);
    const byManager = await get(t, 'M01', `/v1/suggestions/${id}`);
    expect(byManager.body).toMatchObject({ id, submittedBy: null, yours: false });
    expect(JSON.stringify(byManager.body)).not.toContain('E201');
    await act(t, 'M01', `/v1/suggestions/${id}/response`, { response: 'Adopted next quarter', adopted: true });
    expect((await inbox('M02')).some((item) => item.subjectId === id)).toBe(false);
    const answered = await get(t, 'E201', `/v1/suggestions/${id}`);
    expect(answered.body).toMatchObject({ status: 'answered', answer: { response: 'Adopted next quarter', adopted: true, answeredBy: 'M01' } });
    const named = await act(t, 'E101', '/v1/suggestions', { text: 'More phone lines' });
    expect((await get(t, 'E101', '/v1/suggestions?status=open')).body.items).toMatchObject([{ id: named.body.id, submittedBy: 'E101', yours: true }]);
    expect((await get(t, 'C01', '/v1/suggestions?status=answered')).body.items).toMatchObject([{ id }]);
  });

  it('counts the worklist by kind, and pages it oldest first', async () => {
    const count = await get(t, 'M01', '/v1/inbox/count');
    expect(count.status).toBe(200);
    const items = await inbox('M01');
    expect(count.body.total).toBe(items.length);
    expect(count.body.byKind).toMatchObject({ review: 0, escalation: 0 });
    const sinces = items.map((item) => item.since);
    expect([...sinces].sort()).toEqual(sinces);
    const first = await get(t, 'X01', '/v1/inbox?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect((await get(t, 'X01', '/v1/inbox?cursor=%%%')).status).toBe(400);
    expect((await get(t, 'X01', '/v1/inbox?cursor=')).status).toBe(200);
    expect((await get(t, 'M01', '/v1/escalations?cursor=')).status).toBe(200);
    const doc = (await t.http.get('/openapi.json')).body;
    const status = (path: string) => doc.paths[path].get.parameters.find((p: { name: string }) => p.name === 'status').schema.enum;
    expect([status('/v1/suggestions'), status('/v1/escalations')]).toEqual([['open', 'answered'], ['open', 'resolved']]);
    expect((await get(t, 'svc:crm', '/v1/inbox/count')).status).toBe(403);
  });
});
