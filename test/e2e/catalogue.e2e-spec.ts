import { act, get, seedDirectory } from '../support/call-center.js';
import { HOOK_TIMEOUT_MS, startTestApp, type TestApp } from '../support/test-app.js';

describe('the policy itself over HTTP (SPEC §11, embedded PGlite)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDirectory(t);
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t.close(), HOOK_TIMEOUT_MS);

  describe('GET /v1/catalogue', () => {
    it('shows every matter with both names, roles, scope fields, validity, the final-approval rule and training to any principal', async () => {
      for (const who of ['E101', 'C01', 'svc:crm']) {
        const res = await get(t, who, '/v1/catalogue');
        expect(res.status).toBe(200);
        const compensation = (res.body.matters as { id: string }[]).find((m) => m.id === 'compensation.issue');
        expect(compensation).toMatchObject({
          names: { 'zh-Hant': '發放客戶補償', en: 'Issue goodwill compensation' },
          eligibleRoles: ['agent', 'supervisor'],
          scopeFields: ['maxAmount', 'channels'],
          maxValidityDays: 180,
          finalApproval: { kind: 'maxAmountAbove', threshold: 2000 },
          finalApprovalRule: 'maxAmount > 2000',
          trainingRequired: [],
        });
        const exporting = (res.body.matters as { id: string }[]).find((m) => m.id === 'customer.data.export');
        expect(exporting).toMatchObject({ finalApprovalRule: 'major matter', trainingRequired: ['privacy-basics'] });
        expect(res.body.version).toMatch(/^sha256:/);
      }
    });

    it('lists the baseline authorities with the roles that hold them', async () => {
      const res = await get(t, 'E101', '/v1/catalogue');
      const answer = (res.body.authorities as { id: string }[]).find((a) => a.id === 'inquiry.answer');
      expect(answer).toMatchObject({ names: { en: 'Answer customer inquiries' }, baselineRoles: ['agent', 'supervisor', 'manager'], grantable: false });
    });

    it('names the departments copies go to in both languages, every one a matter’s copy rule names among them', async () => {
      const res = await get(t, 'E101', '/v1/catalogue');
      const departments = res.body.departments as { id: string; names: Record<string, string> }[];
      expect(departments.slice(0, 2)).toEqual([
        { id: 'finance', names: { 'zh-Hant': '財務部', en: 'Finance' } },
        { id: 'quality', names: { 'zh-Hant': '品質管理部', en: 'Quality Assurance' } },
      ]);
      const named = new Set(departments.map((d) => d.id));
      const copied = (res.body.matters as { copies?: { required: string[]; default: string[] } }[]).flatMap((m) => [...(m.copies?.required ?? []), ...(m.copies?.default ?? [])]);
      expect(copied.filter((department) => !named.has(department))).toEqual([]);
    });

    it('refuses an anonymous caller', async () => {
      expect((await t.http.get('/v1/catalogue')).status).toBe(401);
    });
  });

  describe('GET /v1/catalogue/versions', () => {
    it('lists the version in force with the instant of the first event decided under it', async () => {
      const first = await get(t, 'C01', '/v1/audit?limit=1');
      const catalogue = await get(t, 'E101', '/v1/catalogue');
      const res = await get(t, 'svc:crm', '/v1/catalogue/versions');
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([{ policyVersion: catalogue.body.version, firstUsedAt: first.body.items[0].occurredAt, current: true }]);
    });
  });

  describe('POST /v1/policy-reviews', () => {
    const review = { findings: 'Fee waivers above 1000 CNY were escalated 40 times', changesProposed: 'Raise the fee.waive threshold to 1500 CNY' };

    it('records a manager’s review under the catalogue version in force', async () => {
      const res = await act(t, 'M01', '/v1/policy-reviews', review);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'recorded', findings: review.findings, reviewerId: 'M01' });
      expect(res.body.policyVersion).toMatch(/^sha256:/);
      const audit = await get(t, 'C01', '/v1/audit?type=PolicyReviewed', { 'x-consistency-token': res.body.position });
      expect(audit.body.items).toMatchObject([{ streamId: `policy-review-${res.body.id}`, data: review }]);
    });

    it('refuses a supervisor (403) and a bad body (400), writing nothing', async () => {
      const supervisor = await act(t, 'S01', '/v1/policy-reviews', review);
      expect([supervisor.status, supervisor.body.code]).toEqual([403, 'ROLE_REQUIRED']);
      for (const body of [{}, { findings: '', changesProposed: 'x' }, { findings: 'x'.repeat(2001), changesProposed: '' }, { findings: 1, changesProposed: [] }]) {
        const res = await act(t, 'M01', '/v1/policy-reviews', body);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      const audit = await get(t, 'C01', '/v1/audit?type=PolicyReviewed');
      expect(audit.body.items).toHaveLength(1);
    });
  });
});
