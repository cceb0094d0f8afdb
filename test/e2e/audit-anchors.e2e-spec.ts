/**
 * SPEC §12 "Proof of the whole record" over HTTP: the signer in the app's worker writes anchors, the
 * API lists them (compliance and audit:read only) and serves the public key without a token, and the
 * export verifies against them with the verification core the CLI and the console share.
 */
import { generateKeyPairSync } from 'node:crypto';
import { verifyAuditExport } from '../../libs/read-models/src/audit/audit-verify.js';
import { anchorVerifier, parsePublicKey } from '../../libs/read-models/src/audit/proof/anchor-key.js';
import type { AuditAnchor } from '../../libs/read-models/src/audit/proof/audit-anchor.js';
import { get, grantActive, seedDirectory } from '../support/call-center.js';
import { freshDatabase, HOOK_TIMEOUT_MS, startTestApp, type TestApp, WAIT_BOUND_MS } from '../support/test-app.js';

const EVERY = 5;

describe('signed audit anchors over HTTP (PostgreSQL)', () => {
  let t: TestApp;
  let keyless: TestApp;

  beforeAll(async () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    t = await startTestApp({ EVENT_STORE_URL: await freshDatabase('e2e_anchors'), AUDIT_SIGNING_KEY: pem, AUDIT_ANCHOR_EVERY: String(EVERY) });
    keyless = await startTestApp({ EVENT_STORE_URL: await freshDatabase('e2e_anchors_keyless') });
    await seedDirectory(t);
    await grantActive(t, 'E101');
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
    await keyless?.close();
  });

  const allAnchors = async (): Promise<AuditAnchor[]> => {
    const items: AuditAnchor[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(t, 'C01', `/v1/audit/anchors?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(res.status).toBe(200);
      items.push(...(res.body.items as AuditAnchor[]));
      cursor = res.body.nextCursor as string | null;
    } while (cursor !== null);
    return items;
  };

  it('serves the public key to anyone, as JSON or PEM, and lists anchors to compliance and audit:read only', async () => {
    const json = await t.http.get('/v1/audit/public-key');
    expect(json.status).toBe(200);
    expect(json.body).toEqual({ keyId: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), algorithm: 'Ed25519', pem: expect.stringContaining('BEGIN PUBLIC KEY'), jwk: { kty: 'OKP', crv: 'Ed25519', x: expect.any(String) } });
    const pem = await t.http.get('/v1/audit/public-key').set('accept', 'application/x-pem-file');
    expect(pem.status).toBe(200);
    expect(pem.headers['content-type']).toMatch(/^application\/x-pem-file/);
    expect(pem.text).toBe(json.body.pem);

    expect((await t.http.get('/v1/audit/anchors')).status).toBe(401);
    expect((await get(t, 'E101', '/v1/audit/anchors')).status).toBe(403);
    expect((await get(t, 'M01', '/v1/audit/anchors')).status).toBe(403);
    expect((await get(t, 'svc:auditor', '/v1/audit/anchors')).status).toBe(200);
    for (const bad of ['limit=0', 'limit=501', 'cursor=not-ours']) {
      const res = await get(t, 'C01', `/v1/audit/anchors?${bad}`);
      expect({ bad, status: res.status, type: res.headers['content-type'] }).toEqual({ bad, status: 400, type: expect.stringMatching(/problem\+json/) });
    }
  });

  it('signs the chain of the export every AUDIT_ANCHOR_EVERY entries: the whole export verifies against the listed anchors', async () => {
    const key = parsePublicKey(JSON.stringify((await t.http.get('/v1/audit/public-key')).body));
    if ('error' in key) throw new Error(key.error);
    const verifier = await anchorVerifier(key.jwk);
    const deadline = Date.now() + WAIT_BOUND_MS;
    let anchors = await allAnchors();
    while (anchors.length < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      anchors = await allAnchors();
    }
    expect(anchors.map((a) => a.count).slice(0, 3)).toEqual([EVERY, 2 * EVERY, 3 * EVERY]);
    const exported = await get(t, 'C01', '/v1/audit/export');
    expect(exported.status).toBe(200);
    const lines = exported.text.split('\n');
    const result = await verifyAuditExport(lines, { anchors, isGenuine: verifier.isGenuine });
    expect(result).toMatchObject({ ok: true, partial: false, anchorsChecked: anchors.length });
    // The anchors are not entries of the trail.
    expect(exported.text).not.toContain('"AuditAnchored"');
  });

  it('without a key outside the embedded default: no anchors, and the public key is 404', async () => {
    const res = await keyless.http.get('/v1/audit/public-key');
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'NO_SIGNING_KEY' });
    const list = await get(keyless, 'svc:auditor', '/v1/audit/anchors');
    expect(list.body).toEqual({ items: [], nextCursor: null });
  });
});
