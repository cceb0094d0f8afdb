import { act, application, DAY, get, grantActive, iso, seedDirectory } from '../support/call-center.js';
import { HOOK_TIMEOUT_MS, startTestApp, type TestApp } from '../support/test-app.js';

describe('the authorization workflow over HTTP (PGlite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedDirectory(t);
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t.close(), HOOK_TIMEOUT_MS);

  it('takes an application from apply to acknowledged, and a check then allows it', async () => {
    const applied = await act(t, 'E101', '/v1/applications', application());
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ status: 'pending_review', position: expect.any(String) });
    // views carry the matter's names and the amount's currency (SPEC §12); the request sent the plain number
    expect(applied.body).toMatchObject({ matterNames: { 'zh-Hant': '發放客戶補償', en: 'Issue goodwill compensation' }, terms: { scope: { maxAmount: 800, currency: 'CNY' } } });
    const id = applied.body.id as string;

    const reviewed = await act(t, 'S01', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: 'Within team practice' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.status).toBe('pending_approval');

    const approved = await act(t, 'M01', `/v1/authorizations/${id}/approval`, { decision: 'approve', opinion: '' });
    expect(approved.body.status).toBe('pending_notice');

    const notified = await act(t, 'M02', `/v1/authorizations/${id}/notice`, { copiesTo: ['finance'] });
    expect(notified.status).toBe(200);
    expect(notified.body.status).toBe('pending_acknowledgement');

    const acknowledged = await act(t, 'E101', `/v1/authorizations/${id}/acknowledgement`, {});
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.status).toBe('active');

    const crm = await t.token('svc:crm', { scope: 'checks:read' });
    const check = await t.http
      .post('/v1/checks')
      .set('authorization', `Bearer ${crm}`)
      .send({ employeeId: 'E101', authority: 'compensation.issue', context: { amount: 500, channel: 'phone' }, consistency: { atLeast: acknowledged.body.position } });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ allowed: true, reason: 'GRANT', grantId: id });

    const view = await get(t, 'C01', `/v1/authorizations/${id}`);
    expect(view.status).toBe(200);
    expect(view.body.history.map((h: { type: string }) => h.type)).toEqual([
      'AuthorizationApplied',
      'InitialReviewPassed',
      'ManagerApproved',
      'NoticeIssued',
      'NoticeAcknowledged',
    ]);
    expect(view.body.history[1].actor).toEqual({ id: 'S01', kind: 'employee' });
    expect(view.body).toMatchObject({ matterNames: { 'zh-Hant': '發放客戶補償', en: 'Issue goodwill compensation' }, terms: { scope: { maxAmount: 800, currency: 'CNY' } } });
    // the history keeps the events' own shape: no currency in what was recorded
    expect(view.body.history[0].data.scope).not.toHaveProperty('currency');
    const listed = await get(t, 'C01', '/v1/authorizations?employeeId=E101', { 'x-consistency-token': acknowledged.body.position });
    expect(listed.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id, matterNames: { 'zh-Hant': '發放客戶補償', en: 'Issue goodwill compensation' }, terms: expect.objectContaining({ scope: expect.objectContaining({ maxAmount: 800, currency: 'CNY' }) }) })]));

    await get(t, 'E101', '/v1/inbox', { 'x-consistency-token': acknowledged.body.position });
    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.readModels.position >= acknowledged.body.position).toBe(true);
    expect(ready.body.checks.permissionIndex.position >= acknowledged.body.position).toBe(true);
  });

  it('routes a scope above the manager limit to an executive', async () => {
    const { id } = await grantActive(t, 'E102', application({ scope: { maxAmount: 5000 } }));
    const view = await get(t, 'X01', `/v1/authorizations/${id}`);
    expect(view.body.executiveId).toBe('X01');
    expect(view.body.status).toBe('active');
  });

  it('answers problems in the language the caller accepts, the code unchanged', async () => {
    const token = await t.token('E101');
    const chinese = await t.http.post('/v1/applications').set('authorization', `Bearer ${token}`).set('accept-language', 'zh-TW, en;q=0.5').send({ ...application(), scope: { maxAmount: '800' } });
    expect(chinese.status).toBe(400);
    expect(chinese.body).toMatchObject({ code: 'VALIDATION_FAILED', title: '請求錯誤', detail: '請求內容無效，請參閱 errors 所列欄位。' });
    const english = await t.http.post('/v1/applications').set('authorization', `Bearer ${token}`).set('accept-language', 'fr, en-GB;q=0.8').send({ ...application(), scope: { maxAmount: '800' } });
    expect(english.body).toMatchObject({ code: 'VALIDATION_FAILED', title: 'Bad Request' });
    expect(english.body.errors).toEqual(chinese.body.errors);
    const unauthenticated = await t.http.get('/v1/inbox').set('accept-language', 'zh-Hant');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.body.title).toBe('未經驗證');
  });

  it('lists the caller’s inbox with the consistency token', async () => {
    const applied = await act(t, 'E201', '/v1/applications', application({ validUntil: iso(Date.now() + 10 * DAY) }));
    const inbox = await get(t, 'S02', '/v1/inbox', { 'x-consistency-token': applied.body.position });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ authorizationId: applied.body.id, kind: 'review' })]));
  });
});
