/**
 * Notifications to people over HTTP on PGlite (SPEC §12): settings, who is told, in which language,
 * by e-mail (a real SMTP server) and signed webhook (a receiver verifying with the Standard Webhooks
 * library), the list, read marks and the operators' list of failures.
 */
import { Webhook } from 'standardwebhooks';
import { NotificationsWorkerModule } from '../../libs/notifications/src/notifications-worker.module.js';
import { eventually, startHttpReceiver, startSmtpServer, type TestHttpReceiver, type TestSmtpServer } from '../../libs/notifications/src/testing/test-receivers.js';
import { act, application, get, seedDirectory } from '../support/call-center.js';
import { HOOK_TIMEOUT_MS, startTestApp, type TestApp, WAIT_BOUND_MS } from '../support/test-app.js';

const SECRET = `whsec_${Buffer.from('the e2e webhook secret, 32 bytes').toString('base64')}`;

describe('notifications over HTTP (PGlite, real SMTP and webhook receivers)', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let hook: TestHttpReceiver;
  const verified: { type: string; data: Record<string, unknown> }[] = [];

  const put = async (who: string, employeeId: string, body: unknown, headers: Record<string, string> = {}) => {
    const token = who.startsWith('svc:') ? await t.token(who, { scope: 'directory:write' }) : await t.token(who);
    let request = t.http.put(`/v1/employees/${employeeId}/notification-settings`).set('authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(headers)) request = request.set(name, value);
    return request.send(body as object);
  };
  const notificationsOf = async (who: string, query = '') => (await get(t, who, `/v1/notifications${query}`)).body.items as Record<string, unknown>[];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    hook = await startHttpReceiver((request) => {
      verified.push(new Webhook(SECRET).verify(request.body, request.headers as Record<string, string>) as (typeof verified)[number]);
      return 200;
    });
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Authorizations <authz@callcenter.example>', WEBHOOK_URL: hook.url, WEBHOOK_SECRET: SECRET }, { modules: [NotificationsWorkerModule] });
    await seedDirectory(t);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
    await hook?.close();
    await smtp?.close();
  }, HOOK_TIMEOUT_MS);

  it('keeps settings per employee: defaults, replace, who may, and malformed bodies refused with nothing written', async () => {
    expect((await get(t, 'M01', '/v1/employees/M01/notification-settings')).body).toEqual({ email: null, webhook: false, language: 'zh-Hant' });
    expect((await put('S01', 'S01', { email: 's01@callcenter.example', language: 'zh-Hant' })).body).toEqual({ email: 's01@callcenter.example', webhook: false, language: 'zh-Hant' });
    expect((await put('E101', 'E101', { email: 'e101@callcenter.example', webhook: true, language: 'en' })).status).toBe(200);
    for (const bad of [{ email: 'not an address', language: 'en' }, { language: 'fr' }, { email: null }, { webhook: 'yes', language: 'en' }, { language: 'en', sms: '+886' }]) {
      const refused = await put('E101', 'E101', bad);
      expect([refused.status, refused.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const chinese = await put('E101', 'E101', { language: 'de' }, { 'accept-language': 'zh-TW' });
    expect(chinese.body).toMatchObject({ code: 'VALIDATION_FAILED', title: '請求錯誤' });
    expect((await get(t, 'E101', '/v1/employees/E101/notification-settings')).body).toEqual({ email: 'e101@callcenter.example', webhook: true, language: 'en' });
    expect((await put('E102', 'E101', { language: 'en' })).status).toBe(403);
    expect((await get(t, 'S01', '/v1/employees/E101/notification-settings')).status).toBe(403);
    expect((await put('svc:hr', 'E201', { language: 'en' })).status).toBe(200);
    expect((await put('svc:hr', 'E999', { language: 'en' })).status).toBe(404);
  });

  it('tells the reviewer in zh-Hant by e-mail, then the applicant of the decision in English by e-mail and webhook', async () => {
    const applied = await act(t, 'E101', '/v1/applications', application());
    expect(applied.status).toBe(201);
    const id = applied.body.id as string;
    const [review] = await eventually('S01 told of the review', () => notificationsOf('S01'), (items) => items.length > 0, WAIT_BOUND_MS);
    expect(review).toMatchObject({ kind: 'review', subjectId: id, authorizationId: id, title: '待初審：發放客戶補償', body: 'Agent A1 申請「發放客戶補償」，等待您初審。', readAt: null });
    const mail = await eventually('the mail to S01', () => smtp.mails.find((m) => m.to.includes('s01@callcenter.example')), (m) => m !== undefined, WAIT_BOUND_MS);
    expect(mail?.headers.get('subject')).toBe('待初審：發放客戶補償');
    expect(mail?.headers.get('message-id')).toBe(`<${String(review?.['id'])}@callcenter.example>`);
    expect(mail?.html).toContain('等待您初審');

    expect((await act(t, 'S01', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: 'Within team practice' })).status).toBe(200);
    const signed = await eventually('the decision on the webhook', () => verified.find((v) => v.type === 'notification.decision'), (v) => v !== undefined, WAIT_BOUND_MS);
    expect(signed?.data).toMatchObject({ employeeId: 'E101', authorizationId: id, title: 'Review passed: Issue goodwill compensation', body: 'Supervisor A decided on your application for "Issue goodwill compensation": Within team practice' });
    const english = await eventually('the mail to E101', () => smtp.mails.find((m) => m.to.includes('e101@callcenter.example')), (m) => m !== undefined, WAIT_BOUND_MS);
    expect(english?.headers.get('subject')).toBe('Review passed: Issue goodwill compensation');
    // the approval task reaches every manager; nobody is told of their own act
    await eventually('managers told of the approval', () => notificationsOf('M01'), (items) => items.some((n) => n['kind'] === 'approval'), WAIT_BOUND_MS);
    expect(await notificationsOf('S01')).toHaveLength(1);
    expect(await notificationsOf('E102')).toEqual([]);
  });

  it('marks one’s own notification read, idempotently; another’s id is 404; services have none', async () => {
    const [first] = await notificationsOf('S01');
    const id = String(first?.['id']);
    const read = await act(t, 'S01', `/v1/notifications/${id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, readAt: expect.any(String) });
    const again = await act(t, 'S01', `/v1/notifications/${id}/read`);
    expect([again.status, again.body.readAt]).toEqual([200, read.body.readAt]);
    expect(await notificationsOf('S01', '?unread=true')).toEqual([]);
    expect((await notificationsOf('S01', '?unread=false')).map((n) => n['id'])).toEqual([id]);
    expect((await act(t, 'E101', `/v1/notifications/${id}/read`)).status).toBe(404);
    expect((await act(t, 'S01', '/v1/notifications/not-a-uuid/read')).status).toBe(404);
    const service = await t.http.get('/v1/notifications').set('authorization', `Bearer ${await t.token('svc:crm', { scope: 'checks:read' })}`);
    expect(service.status).toBe(403);
    expect((await get(t, 'S01', '/v1/notifications?unread=maybe')).status).toBe(400);
  });

  it('lists failed deliveries for compliance and audit:read only, and shows the channels in health', async () => {
    expect((await get(t, 'E101', '/v1/notifications/failed')).status).toBe(403);
    expect((await get(t, 'C01', '/v1/notifications/failed')).body).toEqual({ items: [], nextCursor: null });
    expect((await get(t, 'svc:audit', '/v1/notifications/failed')).status).toBe(200);
    const ready = await t.http.get('/health/ready');
    expect(ready.body.checks.notifications).toMatchObject({ ready: true, channels: { email: 'up', webhook: 'up' } });
    const metrics = await t.http.get('/metrics');
    expect(metrics.text).toMatch(/notifications_delivered_total\{channel="email"\} [1-9]/);
  });

  it('tells each person of the README walkthrough exactly what their role implies', async () => {
    const id = (await act(t, 'E102', '/v1/applications', application())).body.id as string;
    expect((await act(t, 'S01', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: 'Within team practice' })).status).toBe(200);
    expect((await act(t, 'M01', `/v1/authorizations/${id}/approval`, { decision: 'approve', opinion: 'Approved' })).status).toBe(200);
    expect((await act(t, 'M02', `/v1/authorizations/${id}/notice`, { copiesTo: ['finance', 'quality'] })).status).toBe(200);
    expect((await act(t, 'E102', `/v1/authorizations/${id}/acknowledgement`, {})).status).toBe(200);
    // the reactor writes in log order: once the last fact's notification is there, all are
    await eventually('E102 told to acknowledge', () => notificationsOf('E102'), (items) => items.some((n) => n['authorizationId'] === id && n['kind'] === 'acknowledgement'), WAIT_BOUND_MS);
    const told: Record<string, string[]> = {};
    for (const person of ['M01', 'M02', 'M03', 'X01', 'X02', 'S01', 'S02', 'E101', 'E102', 'E201', 'T01', 'C01']) {
      told[person] = (await notificationsOf(person, '?limit=500')).filter((n) => n['authorizationId'] === id).map((n) => String(n['kind'])).reverse();
    }
    expect(told).toEqual({
      S01: ['review'],
      M01: ['approval'],
      M02: ['approval', 'notice'],
      M03: ['approval', 'notice'],
      E102: ['decision', 'decision', 'acknowledgement'],
      X01: [], X02: [], S02: [], E101: [], E201: [], T01: [], C01: [],
    });
    // the list follows Accept-Language when it asks for one of ours, else the person's setting (E102: zh-Hant)
    const [last] = await notificationsOf('E102');
    expect(last?.['title']).toBe('待簽收授權通知書：發放客戶補償');
    const english = await get(t, 'E102', '/v1/notifications?limit=1', { 'accept-language': 'en-US' });
    expect(english.body.items[0].title).toBe('Notice to acknowledge: Issue goodwill compensation');
  });
});
