/**
 * Delivery against real servers started here (SPEC §12): e-mails received by an SMTP server
 * (smtp-server) in each person's language, text and HTML, Message-ID from the notification id;
 * webhooks verified by a receiver with the Standard Webhooks library itself; a receiver answering
 * 500 then 200 and one hanging are retried within bounds; an unreachable SMTP server delays only
 * its notifications and loses none; nothing is sent where no channel is configured; pending ones
 * older than the age bound are dropped and counted.
 */
import { register } from 'prom-client';
import { Webhook } from 'standardwebhooks';
import { catalogue } from '../../../domain/src/testing/default-catalogue.js';
import { openSqlClient } from '../../../sql/src/open-sql-client.js';
import { createPgliteClient } from '../../../sql/src/pglite-client.js';
import { createTestDatabase, type TestDatabase } from '../../../sql/src/testing/test-database.js';
import type { SqlClient } from '../../../sql/src/sql-client.port.js';
import { notificationId, type NotificationDraft, type StoredNotification } from '../notification.js';
import { ensureNotificationSchema, NotificationStore, reactorState } from '../notification.store.js';
import type { NotificationSettings } from '../notification-settings.js';
import { eventually, freePort, startHttpReceiver, startSmtpServer, type TestHttpReceiver, type TestSmtpServer } from '../testing/test-receivers.js';
import { DEFAULT_RETRY, NotificationDispatcher, retryDelayMs, type RetryPolicy } from './notification-dispatcher.js';
import { SmtpChannel } from './smtp-channel.js';
import { WebhookChannel } from './webhook-channel.js';

const SECRET = `whsec_${Buffer.from('a test secret of thirty-two bytes!').toString('base64')}`;
const FROM = 'Call Center Authorization <authz@callcenter.example>';
const FAST: RetryPolicy = { baseMs: 100, maxMs: 400, attempts: 3 };
const HOUR = 3_600_000;

const metric = async (name: string, channel: string): Promise<number> => {
  const values = (await register.getSingleMetric(name)?.get())?.values ?? [];
  return values.find((v) => v.labels['channel'] === channel)?.value ?? 0;
};

/** PGlite (the embedded default) and PostgreSQL (production): the claims and updates are one SQL text for both. */
const STORES = {
  pglite: async (): Promise<{ sql: SqlClient; database: TestDatabase | null }> => ({ sql: await createPgliteClient('memory'), database: null }),
  postgres: async (): Promise<{ sql: SqlClient; database: TestDatabase | null }> => {
    const database = await createTestDatabase('notify');
    return { sql: await openSqlClient(database.url), database };
  },
};

describe.each(Object.keys(STORES) as (keyof typeof STORES)[])('delivering notifications (%s)', (storeName) => {
  let sql: SqlClient;
  let database: TestDatabase | null;
  let store: NotificationStore;
  let seq = 0;
  const closers: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    ({ sql, database } = await STORES[storeName]());
    await ensureNotificationSchema(sql);
    store = new NotificationStore(sql);
  });
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await sql.close();
    await database?.drop();
  });

  /** A person with settings and one notification queued for them (as the reactor would). */
  async function queue(recipientId: string, settings: NotificationSettings, draft: Partial<NotificationDraft> = {}, createdAt = new Date()): Promise<StoredNotification> {
    seq += 1;
    await store.saveSettings(recipientId, settings, new Date());
    const notification: StoredNotification = {
      recipientId,
      kind: 'review',
      subjectId: 'A1',
      authorizationId: 'A1',
      changeId: null,
      params: { matter: 'compensation.issue', applicant: '黃小玲 Huang Hsiao-ling' },
      ...draft,
      id: notificationId(`event-${seq}`, recipientId),
      eventId: `event-${seq}`,
      createdAt: createdAt.toISOString(),
      readAt: null,
    };
    await sql.transaction(async (tx) => {
      await reactorState.savePeople(tx, [{ id: recipientId, name: `Name ${recipientId}`, role: 'supervisor', team: null, reportsTo: null, department: null, leftAt: null, leftReason: null, trainings: [], createdAt: '', updatedAt: '', lastPosition: '0' }]);
      await reactorState.insertNotifications(tx, [notification], new Date());
    });
    return notification;
  }

  const statusOf = async (id: string, channel: string) =>
    (await sql.query<{ status: string; attempts: number }>('SELECT status, attempts FROM notification_deliveries WHERE notification_id = $1 AND channel = $2', [id, channel])).rows[0];

  const dispatcher = (channels: ConstructorParameters<typeof NotificationDispatcher>[0]['channels'], options: { retry?: RetryPolicy; maxAgeMs?: number } = {}) => {
    const d = new NotificationDispatcher({ store, channels, catalogue, maxAgeMs: options.maxAgeMs ?? 72 * HOUR, retry: options.retry ?? FAST, pollMs: 50 });
    closers.push(() => d.stop());
    return d;
  };

  const smtp = async (port?: number): Promise<TestSmtpServer> => {
    const server = await startSmtpServer(port);
    closers.push(() => server.close());
    return server;
  };

  const receiver = async (answer: Parameters<typeof startHttpReceiver>[0]): Promise<TestHttpReceiver> => {
    const server = await startHttpReceiver(answer);
    closers.push(() => server.close());
    return server;
  };

  it('mails each person in their language, text and HTML, with a Message-ID from the notification id', async () => {
    const server = await smtp();
    const chinese = await queue('S1', { email: 's1@callcenter.example', webhook: false, language: 'zh-Hant' });
    const english = await queue('S2', { email: 's2@callcenter.example', webhook: false, language: 'en' });
    const d = dispatcher([new SmtpChannel({ url: server.url, from: FROM })]);
    d.start();
    await eventually('two mails', () => server.mails.length, (n) => n >= 2);
    const to = (address: string) => server.mails.find((m) => m.to.includes(address));
    const zh = to('s1@callcenter.example');
    expect(zh?.headers.get('subject')).toBe('待初審：發放客戶補償');
    expect(zh?.headers.get('message-id')).toBe(`<${chinese.id}@callcenter.example>`);
    expect(zh?.headers.get('content-language')).toBe('zh-Hant');
    expect(zh?.text).toContain('黃小玲 Huang Hsiao-ling 申請「發放客戶補償」，等待您初審。');
    expect(zh?.text).toContain('Name S1 您好：');
    expect(zh?.html).toContain('<html lang="zh-Hant">');
    expect(zh?.html).toContain('等待您初審');
    const en = to('s2@callcenter.example');
    expect(en?.headers.get('subject')).toBe('To review: Issue goodwill compensation');
    expect(en?.headers.get('message-id')).toBe(`<${english.id}@callcenter.example>`);
    expect(en?.text).toContain('It waits for your initial review.');
    expect(en?.html).toContain('<html lang="en">');
    expect(en?.from).toBe('authz@callcenter.example');
    // the server has the mail before the dispatcher records it: wait for the record
    await eventually('marked delivered', () => statusOf(chinese.id, 'email'), (s) => s?.status === 'delivered');
    expect(await statusOf(chinese.id, 'email')).toEqual({ status: 'delivered', attempts: 1 });
    expect(d.channelHealth()).toEqual({ email: 'up', webhook: 'not-configured' });
  });

  it('posts each notification signed per Standard Webhooks, verified by that library', async () => {
    const verified: unknown[] = [];
    const hook = await receiver((request) => {
      verified.push(new Webhook(SECRET).verify(request.body, request.headers as Record<string, string>));
      return 204;
    });
    const queued = await queue('E1', { email: null, webhook: true, language: 'en' }, { kind: 'decision', params: { matter: 'compensation.issue', outcome: 'approved', decider: 'Name M1', opinion: 'fine' } });
    dispatcher([new WebhookChannel({ url: hook.url, secret: SECRET })]).start();
    await eventually('a verified webhook', () => verified.length, (n) => n >= 1);
    expect(hook.requests[0]?.headers['webhook-id']).toBe(queued.id);
    expect(verified[0]).toMatchObject({
      type: 'notification.decision',
      timestamp: expect.any(String),
      data: { id: queued.id, kind: 'decision', employeeId: 'E1', subjectId: 'A1', authorizationId: 'A1', title: 'Approved: Issue goodwill compensation', body: 'Name M1 decided on your application for "Issue goodwill compensation": fine', readAt: null },
    });
    // a tampered body does not verify: the receiver's check is real
    expect(() => new Webhook(SECRET).verify(`${hook.requests[0]?.body} `, hook.requests[0]?.headers as Record<string, string>)).toThrow();
  });

  it('retries a receiver answering 500, then delivers on its 200; the first retry is due within 60 s', async () => {
    expect(retryDelayMs(DEFAULT_RETRY, 1)).toBeLessThanOrEqual(60_000);
    const hook = await receiver((_request, index) => (index === 0 ? 500 : 200));
    const queued = await queue('E1', { email: null, webhook: true, language: 'zh-Hant' });
    dispatcher([new WebhookChannel({ url: hook.url, secret: SECRET })]).start();
    await eventually('delivered after a retry', () => statusOf(queued.id, 'webhook'), (s) => s?.status === 'delivered');
    expect(hook.requests.map((r) => r.headers['webhook-id'])).toEqual([queued.id, queued.id]);
    expect(await statusOf(queued.id, 'webhook')).toEqual({ status: 'delivered', attempts: 2 });
  });

  it('gives up on a hanging receiver after the retry budget: listed as failed and counted', async () => {
    const hook = await receiver(() => 'hang');
    const failedBefore = await metric('notifications_failed_total', 'webhook');
    const queued = await queue('E1', { email: null, webhook: true, language: 'en' });
    const d = dispatcher([new WebhookChannel({ url: hook.url, secret: SECRET, timeoutMs: 200 })]);
    d.start();
    await eventually('given up', () => statusOf(queued.id, 'webhook'), (s) => s?.status === 'failed');
    expect(hook.requests).toHaveLength(FAST.attempts);
    expect(await metric('notifications_failed_total', 'webhook')).toBe(failedBefore + 1);
    const failed = await store.listFailed({ limit: 10 });
    expect(failed.items).toEqual([expect.objectContaining({ notificationId: queued.id, employeeId: 'E1', channel: 'webhook', attempts: FAST.attempts, lastError: expect.stringMatching(/abort|timeout/i) })]);
    expect(d.channelHealth().webhook).toBe('unreachable');
  });

  it('an unreachable SMTP server delays only its own notifications and loses none', async () => {
    const port = await freePort();
    const hook = await receiver(() => 200);
    const mailed = await queue('S1', { email: 's1@callcenter.example', webhook: false, language: 'en' });
    const hooked = await queue('E1', { email: null, webhook: true, language: 'en' });
    const d = dispatcher([new SmtpChannel({ url: `smtp://127.0.0.1:${port}`, from: FROM, timeoutMs: 1000 }), new WebhookChannel({ url: hook.url, secret: SECRET })], {
      retry: { baseMs: 200, maxMs: 500, attempts: 1000 },
    });
    d.start();
    await eventually('the webhook delivered', () => statusOf(hooked.id, 'webhook'), (s) => s?.status === 'delivered');
    await eventually('a failed mail attempt', () => statusOf(mailed.id, 'email'), (s) => (s?.attempts ?? 0) >= 1);
    expect(await statusOf(mailed.id, 'email')).toMatchObject({ status: 'pending' });
    expect(d.channelHealth()).toEqual({ email: 'unreachable', webhook: 'up' });
    const server = await smtp(port);
    await eventually('the mail delivered once the server is up', () => statusOf(mailed.id, 'email'), (s) => s?.status === 'delivered');
    expect(server.mails.map((m) => m.headers.get('message-id'))).toEqual([`<${mailed.id}@callcenter.example>`]);
    expect(d.channelHealth().email).toBe('up');
  });

  it('sends nothing on a channel the deployment has not configured; once configured, sends what is young and drops what is old', async () => {
    const young = await queue('S1', { email: 's1@callcenter.example', webhook: false, language: 'en' });
    const old = await queue('S2', { email: 's2@callcenter.example', webhook: false, language: 'en' }, {}, new Date(Date.now() - 3 * HOUR));
    const unconfigured = dispatcher([]);
    expect(await unconfigured.deliverDue()).toBe(0);
    expect(await statusOf(young.id, 'email')).toEqual({ status: 'pending', attempts: 0 });
    const droppedBefore = await metric('notifications_dropped_total', 'email');
    const server = await smtp();
    dispatcher([new SmtpChannel({ url: server.url, from: FROM })], { maxAgeMs: 2 * HOUR }).start();
    await eventually('young delivered, old dropped', async () => [await statusOf(young.id, 'email'), await statusOf(old.id, 'email')], ([y, o]) => y?.status === 'delivered' && o?.status === 'dropped');
    expect(server.mails.map((m) => m.to)).toEqual([['s1@callcenter.example']]);
    expect(await metric('notifications_dropped_total', 'email')).toBe(droppedBefore + 1);
  });

  it('pages the failed list without losing a notification that failed on both channels', async () => {
    const both = await queue('S1', { email: 's1@callcenter.example', webhook: true, language: 'en' });
    const one = await queue('S2', { email: 's2@callcenter.example', webhook: false, language: 'en' });
    for (const [id, channel] of [[both.id, 'email'], [both.id, 'webhook'], [one.id, 'email']] as const) await store.failed(id, channel, 'gone', new Date());
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listFailed({ limit: 1, ...(cursor === undefined ? {} : { cursor }) });
      seen.push(...page.items.map((item) => `${item.employeeId}:${item.channel}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(seen).toEqual(['S2:email', 'S1:email', 'S1:webhook']);
    expect((await store.listFailed({ limit: 10, channel: 'webhook' })).items.map((item) => item.employeeId)).toEqual(['S1']);
  });
});
