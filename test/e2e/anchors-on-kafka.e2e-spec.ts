/**
 * SPEC §12: every signed anchor is published to `callcenter.authorization.audit-anchors.v1`, key
 * `audit-anchors`, for compliance to keep outside the system. From the running service (signer and
 * relay in its workers) over a real broker: what compliance's consumer receives verifies with the
 * public key the API serves, and is what GET /v1/audit/anchors lists.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { NoticeRelayModule } from '../../apps/notice-relay/src/notice-relay.module.js';
import { ensureBroker, readTopic } from '../../apps/notice-relay/src/testing/kafka-test-broker.js';
import { AUDIT_ANCHOR_TOPIC } from '../../libs/contracts/src/index.js';
import { anchorVerifier, parsePublicKey } from '../../libs/read-models/src/audit/proof/anchor-key.js';
import type { AuditAnchor } from '../../libs/read-models/src/audit/proof/audit-anchor.js';
import { get, grantActive, seedDirectory } from '../support/call-center.js';
import { freshDatabase, HOOK_TIMEOUT_MS, startTestApp, WAIT_BOUND_MS, type TestApp } from '../support/test-app.js';

const EVERY = 5;

describe('signed audit anchors on their Kafka topic, from the running service (PostgreSQL)', () => {
  let t: TestApp;
  let brokers: string;

  beforeAll(async () => {
    brokers = process.env['TEST_KAFKA_BROKERS'] ?? (await ensureBroker());
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    t = await startTestApp(
      {
        EVENT_STORE_URL: await freshDatabase('e2e_anchor_topic'),
        KAFKA_BROKERS: brokers,
        KAFKA_TOPIC_NOTICES: `e2e.anchors.notices.${randomUUID().slice(0, 8)}`,
        AUDIT_SIGNING_KEY: pem,
        AUDIT_ANCHOR_EVERY: String(EVERY),
      },
      { modules: [NoticeRelayModule] },
    );
    await seedDirectory(t);
    await grantActive(t, 'E101');
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t?.close());

  it('publishes every anchor, signed by the served key, keyed audit-anchors and copied to compliance', async () => {
    const key = parsePublicKey(JSON.stringify((await t.http.get('/v1/audit/public-key')).body));
    if ('error' in key) throw new Error(key.error);
    const verifier = await anchorVerifier(key.jwk);

    // The topic is shared by every run: this run's anchors are those signed by this run's key.
    const reader = await readTopic(brokers, AUDIT_ANCHOR_TOPIC);
    try {
      // At least once: a duplicate (same position) counts once, as compliance's consumer would keep it.
      const ours = (): AuditAnchor[] => [
        ...new Map(reader.received.map((m) => m.value as AuditAnchor).filter((a) => a.keyId === verifier.keyId).map((a) => [a.position, a] as const)).values(),
      ];
      const deadline = Date.now() + WAIT_BOUND_MS;
      while (ours().length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const published = ours();
      expect(published.map((a) => a.count).slice(0, 3)).toEqual([EVERY, 2 * EVERY, 3 * EVERY]);
      for (const anchor of published) expect(await verifier.isGenuine(anchor)).toBe(true);
      for (const message of reader.received.filter((m) => (m.value as AuditAnchor).keyId === verifier.keyId)) {
        expect(message.key).toBe('audit-anchors');
        expect(message.headers).toMatchObject({ ce_type: 'com.callcenter.authorization.audit-anchored.v1', ce_subject: 'audit-anchors', ce_departments: 'compliance' });
      }

      const listed = await get(t, 'C01', '/v1/audit/anchors?limit=500');
      expect(listed.status).toBe(200);
      const byPosition = new Map((listed.body.items as AuditAnchor[]).map((a) => [a.position, a]));
      for (const anchor of published) expect(byPosition.get(anchor.position)).toEqual(anchor);
    } finally {
      await reader.close();
    }
  });
});
