import { act, application, get, grantActive, seedDirectory } from '../support/call-center.js';
import { HOOK_TIMEOUT_MS, startTestApp, type TestApp } from '../support/test-app.js';

describe('supervision over HTTP (SPEC §10, embedded PGlite)', () => {
  let t: TestApp;
  let crm: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDirectory(t);
    crm = await t.token('svc:crm', { scope: 'checks:read' });
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t.close(), HOOK_TIMEOUT_MS);

  const asService = async (sub: string, scope: string, path: string, body: object) =>
    t.http.post(path).set('authorization', `Bearer ${await t.token(sub, { scope })}`).send(body);
  const report = (overrides: Record<string, unknown> = {}) => ({
    subjectEmployeeId: 'E101',
    category: 'out_of_scope',
    description: 'Issued compensation on chat, outside the phone-only grant',
    reporter: { kind: 'employee' },
    ...overrides,
  });

  describe('violation reports', () => {
    it('files, investigates, concludes with a revocation a check denies at once, and feeds back once', async () => {
      const { id: grant } = await grantActive(t, 'E101');
      const filed = await act(t, 'E102', '/v1/reports', report({ authorizationId: grant }));
      expect(filed.status).toBe(201);
      expect(filed.body).toMatchObject({ status: 'filed', reporter: { kind: 'employee', employeeId: 'E102' }, authorizationId: grant });
      const id = filed.body.id as string;

      const bySubject = await act(t, 'E101', `/v1/reports/${id}/investigation`);
      expect([bySubject.status, bySubject.body.code]).toEqual([403, 'SEPARATION_OF_DUTIES']);
      const otherTeam = await act(t, 'S02', `/v1/reports/${id}/investigation`);
      expect([otherTeam.status, otherTeam.body.code]).toEqual([403, 'NOT_SUPERIOR_OR_MANAGER']);
      const early = await act(t, 'S01', `/v1/reports/${id}/feedback`, { message: 'done' });
      expect([early.status, early.body.code]).toEqual([409, 'INVALID_TRANSITION']);

      const started = await act(t, 'S01', `/v1/reports/${id}/investigation`);
      expect(started.status).toBe(200);
      expect(started.body).toMatchObject({ status: 'investigating', investigatorId: 'S01' });

      const conclusion = { finding: 'substantiated', summary: 'Confirmed from the chat log', actions: [{ type: 'revoke', authorizationId: grant }, { type: 'training', course: 'privacy-basics' }] };
      const notInvestigator = await act(t, 'M01', `/v1/reports/${id}/conclusion`, conclusion);
      expect([notInvestigator.status, notInvestigator.body.code]).toEqual([403, 'NOT_INVESTIGATOR']);

      const concluded = await act(t, 'S01', `/v1/reports/${id}/conclusion`, conclusion);
      expect(concluded.status).toBe(200);
      expect(concluded.body).toMatchObject({ status: 'concluded', conclusion: { finding: 'substantiated' } });
      const check = await t.http
        .post('/v1/checks')
        .set('authorization', `Bearer ${crm}`)
        .send({ employeeId: 'E101', authority: 'compensation.issue', context: { amount: 100, channel: 'phone' }, consistency: { atLeast: concluded.body.position } });
      expect(check.body).toMatchObject({ allowed: false, reason: 'REVOKED', grantId: grant });
      const history = (await get(t, 'C01', `/v1/authorizations/${grant}`)).body.history as { type: string; data: { reason: string; cause: string; revokedBy: string }; actor: unknown }[];
      expect(history.at(-1)).toMatchObject({ type: 'AuthorizationRevoked', data: { cause: 'report', revokedBy: `report:${id}` }, actor: { kind: 'system' } });
      expect(history.at(-1)?.data.reason).toContain(id);

      const told = await act(t, 'S01', `/v1/reports/${id}/feedback`, { message: 'Thank you: the grant was revoked.' });
      expect(told.status).toBe(200);
      expect(told.body).toMatchObject({ status: 'notified', feedback: { message: 'Thank you: the grant was revoked.' } });
      const again = await act(t, 'S01', `/v1/reports/${id}/feedback`, { message: 'again' });
      expect([again.status, again.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    });

    it('refuses the reporter investigating, even as a manager', async () => {
      const filed = await act(t, 'M02', '/v1/reports', report());
      const refused = await act(t, 'M02', `/v1/reports/${filed.body.id}/investigation`);
      expect([refused.status, refused.body.code]).toEqual([403, 'SEPARATION_OF_DUTIES']);
      expect((await act(t, 'M01', `/v1/reports/${filed.body.id}/investigation`)).status).toBe(200);
    });

    it('shows an employee reporter only to the investigator and compliance', async () => {
      const filed = await act(t, 'E102', '/v1/reports', report({ category: 'misconduct' }));
      const id = filed.body.id as string;
      await act(t, 'M01', `/v1/reports/${id}/investigation`);
      const bySuperior = await get(t, 'S01', `/v1/reports/${id}`);
      expect(bySuperior.status).toBe(200);
      expect(bySuperior.body.reporter).toEqual({ kind: 'employee' });
      expect(bySuperior.body).not.toHaveProperty('reportedBy');
      expect((await get(t, 'M02', `/v1/reports/${id}`)).body.reporter).toEqual({ kind: 'employee' });
      expect((await get(t, 'M01', `/v1/reports/${id}`)).body.reporter).toEqual({ kind: 'employee', employeeId: 'E102' });
      expect((await get(t, 'C01', `/v1/reports/${id}`)).body.reporter).toEqual({ kind: 'employee', employeeId: 'E102' });
      expect((await get(t, 'E101', `/v1/reports/${id}`)).status).toBe(403);
      expect((await get(t, 'S02', `/v1/reports/${id}`)).status).toBe(403);

      const list = await get(t, 'M02', `/v1/reports?subjectEmployeeId=E101&status=investigating`, { 'x-consistency-token': filed.body.position });
      expect(list.status).toBe(200);
      const found = list.body.items.find((item: { id: string }) => item.id === id);
      expect(found).toMatchObject({ status: 'investigating', reporter: { kind: 'employee' } });
      expect(list.body.items.every((item: { subjectEmployeeId: string; status: string }) => item.subjectEmployeeId === 'E101' && item.status === 'investigating')).toBe(true);
      expect((await get(t, 'S02', '/v1/reports?subjectEmployeeId=E101')).body.items).toEqual([]);
      expect((await get(t, 'E101', '/v1/reports')).status).toBe(403);
    });

    it('lets reports:write services file for customers, and refuses a refused conclusion without writing', async () => {
      const filed = await asService('svc:crm', 'reports:write', '/v1/reports', report({ reporter: { kind: 'customer', contact: 'c@example.com' } }));
      expect(filed.status).toBe(201);
      expect(filed.body).toMatchObject({ reportedBy: 'svc:crm', reporter: { kind: 'customer', contact: 'c@example.com' } });
      expect((await asService('svc:other', 'checks:read', '/v1/reports', report({ reporter: { kind: 'customer' } }))).status).toBe(403);

      const id = filed.body.id as string;
      await act(t, 'S01', `/v1/reports/${id}/investigation`);
      const { id: othersGrant } = await grantActive(t, 'E201');
      const wrong = await act(t, 'S01', `/v1/reports/${id}/conclusion`, { finding: 'substantiated', summary: 'x', actions: [{ type: 'revoke', authorizationId: othersGrant }] });
      expect([wrong.status, wrong.body.code]).toEqual([422, 'AUTHORIZATION_NOT_OF_SUBJECT']);
      expect((await get(t, 'C01', `/v1/reports/${id}`)).body.status).toBe('investigating');
      expect((await get(t, 'C01', `/v1/authorizations/${othersGrant}`)).body.status).toBe('active');
      const bad = await act(t, 'S01', `/v1/reports/${id}/conclusion`, { finding: 'maybe', summary: 'x', actions: [] });
      expect(bad.status).toBe(400);
    });
  });

  describe('inspections', () => {
    it("records the superior's inspection and refuses a supervisor inspecting another team", async () => {
      const ok = await act(t, 'S01', '/v1/inspections', { employeeId: 'E101', kind: 'periodic', period: '2026-11', findings: 'all within scope', compliant: true });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ status: 'recorded', employeeId: 'E101', inspectorId: 'S01', period: '2026-11', authorizationIds: [] });
      const other = await act(t, 'S02', '/v1/inspections', { employeeId: 'E101', kind: 'spot', findings: 'checked', compliant: true });
      expect([other.status, other.body.code]).toEqual([403, 'NOT_SUPERIOR_OR_MANAGER']);
      const noPeriod = await act(t, 'M01', '/v1/inspections', { employeeId: 'E101', kind: 'periodic', findings: '', compliant: false });
      expect([noPeriod.status, noPeriod.body.code]).toEqual([400, 'PERIOD_INVALID']);
    });
  });

  describe('escalations', () => {
    it('raises to the superior, who resolves it once; another team’s supervisor may not', async () => {
      const raised = await act(t, 'E102', '/v1/escalations', { authority: 'compensation.issue', context: { amount: 3000, channel: 'phone' }, summary: 'Customer asks for 3000 CNY' });
      expect(raised.status).toBe(201);
      expect(raised.body).toMatchObject({ status: 'open', employeeId: 'E102', superiorId: 'S01', context: { amount: 3000, channel: 'phone' } });
      const id = raised.body.id as string;
      const other = await act(t, 'S02', `/v1/escalations/${id}/resolution`, { resolution: 'no' });
      expect([other.status, other.body.code]).toEqual([403, 'NOT_SUPERIOR_OR_MANAGER']);
      const resolved = await act(t, 'S01', `/v1/escalations/${id}/resolution`, { resolution: 'Approved as a one-off' });
      expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: 'S01' });
      expect((await act(t, 'M01', `/v1/escalations/${id}/resolution`, { resolution: 'again' })).status).toBe(409);
      expect((await act(t, 'E102', '/v1/escalations', { authority: 'no.such.thing', summary: 'x' })).status).toBe(422);
    });
  });

  describe('customer feedback', () => {
    it('takes scores 1..5 from feedback:write services only', async () => {
      const ok = await asService('svc:survey', 'feedback:write', '/v1/feedback', { employeeId: 'E101', score: 5, channel: 'phone' });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ employeeId: 'E101', score: 5, receivedFrom: 'svc:survey', comment: null });
      expect((await asService('svc:survey', 'feedback:write', '/v1/feedback', { employeeId: 'E101', score: 6 })).status).toBe(400);
      expect((await asService('svc:crm', 'checks:read', '/v1/feedback', { employeeId: 'E101', score: 4 })).status).toBe(403);
      expect((await act(t, 'M01', '/v1/feedback', { employeeId: 'E101', score: 4 })).status).toBe(403);
    });
  });

  describe('assessments', () => {
    const assessment = (overrides: Record<string, unknown> = {}) => ({
      employeeId: 'E102',
      period: '2026-Q4',
      teamworkScore: 4,
      result: 'satisfactory',
      consequences: ['commendation'],
      notes: 'steady quarter',
      ...overrides,
    });
    it('records one per employee and period, by a manager', async () => {
      const first = await act(t, 'M01', '/v1/assessments', assessment());
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ employeeId: 'E102', period: '2026-Q4', assessorId: 'M01' });
      const second = await act(t, 'M02', '/v1/assessments', assessment({ result: 'excellent' }));
      expect([second.status, second.body.code]).toEqual([409, 'ALREADY_EXISTS']);
      expect((await act(t, 'M01', '/v1/assessments', assessment({ period: '2026-12' }))).status).toBe(201);
    });
    it('refuses a bad or missing period (400) and a supervisor (403)', async () => {
      const bad = await act(t, 'M01', '/v1/assessments', assessment({ period: '2026-Q5' }));
      expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(bad.body.errors).toHaveProperty('period');
      const { period: _omitted, ...withoutPeriod } = assessment();
      expect((await act(t, 'M01', '/v1/assessments', withoutPeriod)).status).toBe(400);
      const supervisor = await act(t, 'S01', '/v1/assessments', assessment({ period: '2027-01' }));
      expect([supervisor.status, supervisor.body.code]).toEqual([403, 'ROLE_REQUIRED']);
    });
  });

  describe('suggestions', () => {
    it('keeps an anonymous author out and takes one answer from a manager', async () => {
      const submitted = await act(t, 'E201', '/v1/suggestions', { text: 'Let agents waive fees up to 50 CNY', anonymous: true });
      expect(submitted.status).toBe(201);
      expect(submitted.body).toMatchObject({ status: 'open', anonymous: true, submittedBy: null });
      const id = submitted.body.id as string;
      const audit = await get(t, 'C01', '/v1/audit?type=SuggestionSubmitted', { 'x-consistency-token': submitted.body.position });
      const entry = audit.body.items.find((item: { streamId: string }) => item.streamId === `suggestion-${id}`);
      expect(entry?.actor).toEqual({ id: 'anonymous', kind: 'employee' });
      expect((await act(t, 'S01', `/v1/suggestions/${id}/response`, { response: 'no', adopted: false })).status).toBe(403);
      const answered = await act(t, 'M01', `/v1/suggestions/${id}/response`, { response: 'Adopted next quarter', adopted: true });
      expect(answered.body).toMatchObject({ status: 'answered', adopted: true, answeredBy: 'M01' });
      expect((await act(t, 'M02', `/v1/suggestions/${id}/response`, { response: 'again', adopted: false })).status).toBe(409);
    });
  });

  describe('trainings and the catalogue’s prerequisites', () => {
    it('refuses customer.data.export without privacy-basics, and accepts it once tech support recorded the training', async () => {
      const exportApplication = application({ matter: 'customer.data.export', scope: {}, validUntil: new Date(Date.now() + 5 * 86_400_000).toISOString() });
      const refused = await act(t, 'E102', '/v1/applications', exportApplication);
      expect([refused.status, refused.body.code]).toEqual([422, 'TRAINING_REQUIRED']);

      const byAgent = await act(t, 'E101', '/v1/employees/E102/trainings', { course: 'privacy-basics', completedAt: new Date().toISOString() });
      expect(byAgent.status).toBe(403);
      const selfTaught = await act(t, 'T01', '/v1/employees/T01/trainings', { course: 'production-safety', completedAt: new Date().toISOString() });
      expect(selfTaught.status).toBe(403);
      const recorded = await act(t, 'T01', '/v1/employees/E102/trainings', { course: 'privacy-basics', completedAt: new Date(Date.now() - 3_600_000).toISOString() });
      expect(recorded.status).toBe(201);
      expect(recorded.body.trainings).toContain('privacy-basics');
      const byHr = await asService('svc:hr', 'directory:write', '/v1/employees/E101/trainings', { course: 'privacy-basics', completedAt: new Date().toISOString() });
      expect(byHr.status).toBe(201);

      expect((await act(t, 'E102', '/v1/applications', exportApplication)).status).toBe(201);
    });
  });
});
