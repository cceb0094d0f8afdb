/**
 * Copies (SPEC §12, issue 14): every message about an authorization after its first notice goes to
 * every department ever copied. Seen from the quality department's consumer over a real Kafka
 * broker: a grant noticed to finance and quality, then changed with copies to finance only, still
 * tells quality of the change and of its completion (or revocation). And the per-matter rules.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NoticeRelayModule } from '../../apps/notice-relay/src/notice-relay.module.js';
import { ensureBroker, readTopic, type ReceivedNotice } from '../../apps/notice-relay/src/testing/kafka-test-broker.js';
import { DEFAULT_CATALOGUE_FILE } from '../../libs/platform/src/catalogue-loader.js';
import { act, application, get, grantActive, seedDirectory } from '../support/call-center.js';
import { freshDatabase, startTestApp, WAIT_BOUND_MS, type TestApp } from '../support/test-app.js';

const T = {
  issued: 'com.callcenter.authorization.notice-issued.v1',
  acknowledged: 'com.callcenter.authorization.acknowledged.v1',
  completed: 'com.callcenter.authorization.completed.v1',
  revoked: 'com.callcenter.authorization.revoked.v1',
};

/** What the quality department's consumer keeps: messages copied to it, once per `ce_id`. */
const forQuality = (received: readonly ReceivedNotice[], key: string): ReceivedNotice[] => {
  const seen = new Set<string>();
  return received.filter((m) => {
    if (m.key !== key || !m.headers['ce_departments']?.split(',').includes('quality') || seen.has(m.headers['ce_id']!)) return false;
    seen.add(m.headers['ce_id']!);
    return true;
  });
};

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + WAIT_BOUND_MS;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

describe('copies to every department ever copied, seen from quality over a real Kafka broker', () => {
  let t: TestApp;
  let brokers: string;
  let reader: Awaited<ReturnType<typeof readTopic>> | null = null;
  const topic = `e2e.copies.${randomUUID().slice(0, 8)}`;
  const dir = mkdtempSync(join(tmpdir(), 'authz-copies-'));

  beforeAll(async () => {
    brokers = process.env['TEST_KAFKA_BROKERS'] ?? (await ensureBroker());
    // The shipped policy, with a copy rule on fee.waive: compliance always, finance when omitted.
    const policy = JSON.parse(readFileSync(DEFAULT_CATALOGUE_FILE, 'utf8')) as { matters: { id: string; copies?: unknown }[] };
    policy.matters.find((m) => m.id === 'fee.waive')!.copies = { required: ['compliance'], default: ['finance'] };
    writeFileSync(join(dir, 'policy.json'), JSON.stringify(policy));
    t = await startTestApp(
      { EVENT_STORE_URL: await freshDatabase('e2e_copies'), KAFKA_BROKERS: brokers, KAFKA_TOPIC_NOTICES: topic, POLICY_FILE: join(dir, 'policy.json') },
      { modules: [NoticeRelayModule] },
    );
    await seedDirectory(t);
  });
  afterAll(async () => {
    await reader?.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The grantee asks for more; S01 reviews, M02 approves, M01 issues the change notice to finance only, the grantee acknowledges. */
  async function changedToFinanceOnly(id: string, grantee: string): Promise<void> {
    const steps: [string, string, unknown][] = [
      [grantee, 'changes', { scope: { maxAmount: 1500, channels: ['phone'] }, reason: 'larger cases' }],
      ['S01', 'review', { decision: 'pass', opinion: 'ok' }],
      ['M02', 'approval', { decision: 'approve', opinion: '' }],
      ['M01', 'notice', { copiesTo: ['finance'] }],
      [grantee, 'acknowledgement', {}],
    ];
    for (const [who, step, body] of steps) {
      const answer = await act(t, who, `/v1/authorizations/${id}/${step}`, body);
      expect([step, answer.status, answer.status < 300 ? '' : JSON.stringify(answer.body)]).toEqual([step, 200, '']);
    }
  }

  it('tells quality of the change and the completion of a grant first noticed to finance and quality', async () => {
    const { id } = await grantActive(t, 'E101');
    await changedToFinanceOnly(id, 'E101');
    const completed = await act(t, 'E101', `/v1/authorizations/${id}/completion`, { note: 'case closed' });
    expect(completed.status).toBe(200);

    reader ??= await readTopic(brokers, topic);
    await until(() => forQuality(reader!.received, id).length >= 5);
    const quality = forQuality(reader.received, id);
    expect(quality.map((m) => m.headers['ce_type'])).toEqual([T.issued, T.acknowledged, T.issued, T.acknowledged, T.completed]);
    for (const message of quality) {
      expect(message.headers['ce_departments']).toBe('finance,quality');
      expect(message.value).toMatchObject({ authorizationId: id, copiesTo: ['finance', 'quality'] });
    }
    expect(quality[2]!.value).toMatchObject({ changeId: expect.any(String), scope: { maxAmount: 1500 } });

    const view = await get(t, 'M01', `/v1/authorizations/${id}`);
    expect(view.body.copiesTo).toEqual(['finance', 'quality']);
    const noticeHistory = (view.body.history as { type: string; data: { copiesTo: string[] } }[]).filter((h) => h.type === 'NoticeIssued');
    expect(noticeHistory.map((h) => h.data.copiesTo)).toEqual([['finance', 'quality'], ['finance']]);
    const list = await get(t, 'C01', '/v1/authorizations?employeeId=E101&limit=500', { 'x-consistency-token': completed.body.position as string });
    const item = (list.body.items as { id: string; copiesTo: string[]; notice: { copiesTo: string[] } }[]).find((i) => i.id === id);
    expect(item?.copiesTo).toEqual(['finance', 'quality']);
    expect(item?.notice.copiesTo).toEqual(['finance']);
  });

  it('tells quality of the revocation of a grant changed with copies to finance only', async () => {
    const { id } = await grantActive(t, 'E102');
    await changedToFinanceOnly(id, 'E102');
    expect((await act(t, 'M03', `/v1/authorizations/${id}/revocation`, { reason: 'misuse' })).status).toBe(200);

    reader ??= await readTopic(brokers, topic);
    await until(() => forQuality(reader!.received, id).length >= 5);
    const quality = forQuality(reader.received, id);
    expect(quality.map((m) => m.headers['ce_type'])).toEqual([T.issued, T.acknowledged, T.issued, T.acknowledged, T.revoked]);
    expect(quality.at(-1)!.value).toMatchObject({ copiesTo: ['finance', 'quality'], reason: 'misuse' });
  });

  describe('per-matter copy rules', () => {
    async function pendingNotice(): Promise<string> {
      const applied = await act(t, 'E201', '/v1/applications', application({ matter: 'fee.waive', scope: { maxAmount: 300 } }));
      expect(applied.status).toBe(201);
      const id = applied.body.id as string;
      expect((await act(t, 'S02', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: 'ok' })).status).toBe(200);
      expect((await act(t, 'M02', `/v1/authorizations/${id}/approval`, { decision: 'approve', opinion: '' })).status).toBe(200);
      return id;
    }

    it('are shown in GET /v1/catalogue', async () => {
      const catalogue = await get(t, 'E201', '/v1/catalogue');
      const matters = catalogue.body.matters as { id: string; copies?: unknown }[];
      expect(matters.find((m) => m.id === 'fee.waive')?.copies).toEqual({ required: ['compliance'], default: ['finance'] });
      expect(matters.find((m) => m.id === 'team.schedule.adjust')?.copies).toBeUndefined();
    });

    it('refuses a notice without a required department (422 COPY_REQUIRED), nothing written', async () => {
      const id = await pendingNotice();
      const refused = await act(t, 'M01', `/v1/authorizations/${id}/notice`, { copiesTo: ['finance'] });
      expect(refused.status).toBe(422);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.code).toBe('COPY_REQUIRED');
      expect((await get(t, 'M01', `/v1/authorizations/${id}`)).body.status).toBe('pending_notice');
      expect((await act(t, 'M01', `/v1/authorizations/${id}/notice`, { copiesTo: [] })).body.code).toBe('COPY_REQUIRED');
    });

    it.each([[undefined], [null]])('takes the default and required departments for copiesTo %s', async (copiesTo) => {
      const id = await pendingNotice();
      const noticed = await act(t, 'M01', `/v1/authorizations/${id}/notice`, copiesTo === undefined ? {} : { copiesTo });
      expect(noticed.status).toBe(200);
      expect(noticed.body.notice.copiesTo).toEqual(['finance', 'compliance']);
      expect(noticed.body.copiesTo).toEqual(['finance', 'compliance']);
    });

    it('means no copies by [] where the matter requires none', async () => {
      const applied = await act(t, 'E201', '/v1/applications', application());
      const id = applied.body.id as string;
      await act(t, 'S02', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: 'ok' });
      await act(t, 'M02', `/v1/authorizations/${id}/approval`, { decision: 'approve', opinion: '' });
      const noticed = await act(t, 'M01', `/v1/authorizations/${id}/notice`, { copiesTo: [] });
      expect(noticed.status).toBe(200);
      expect(noticed.body.copiesTo).toEqual([]);
    });

    it.each([[['Finance']], [['finance', 'finance']], [['a_b']], ['finance']])('answers 400 for copiesTo %j', async (copiesTo) => {
      const id = await pendingNotice();
      const refused = await act(t, 'M01', `/v1/authorizations/${id}/notice`, { copiesTo });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
    });
  });
});
