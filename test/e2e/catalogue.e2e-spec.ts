import { get, seedDirectory } from '../support/call-center.js';
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

    it('refuses an anonymous caller', async () => {
      expect((await t.http.get('/v1/catalogue')).status).toBe(401);
    });
  });
});
