/**
 * The pure verification core as a browser runs it: WebCrypto SHA-256 and Ed25519 only (the fixtures
 * are made with Node's crypto, the checks are not).
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { applyThrough, EventLog, seedDirectory } from '../../testing/event-log.js';
import { toAuditEntry } from '../audit-entry.projection.js';
import { chainEntry, exportAuditRange, type ExportedAuditEntry } from '../audit-export.js';
import { anchorVerifier, jwkOfPem, jwkThumbprint, parsePublicKey } from './anchor-key.js';
import { anchorMessage, base64urlDecode, base64urlEncode, type AuditAnchor } from './audit-anchor.js';
import { parseAnchors, verifyRecord } from './verify-record.js';
import { canonicalJson } from '../../../../contracts/src/canonical-json.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();

const fixture = async () => {
  const log = new EventLog();
  seedDirectory(log);
  applyThrough(log, 'A1', 'acknowledged');
  const lines: string[] = [];
  for await (const line of exportAuditRange(log.events.map(toAuditEntry))) lines.push(line);
  const jwk = jwkOfPem(pem);
  if (jwk === null) throw new Error('no jwk');
  const keyId = await jwkThumbprint(jwk);
  const anchorAt = (i: number): AuditAnchor => {
    const { position, hash } = JSON.parse(lines[i] ?? '') as { position: string; hash: string };
    const unsigned = { position, count: i + 1, hash, at: '2026-12-01T00:00:00.000Z', keyId };
    return { ...unsigned, signature: sign(null, Buffer.from(anchorMessage(unsigned)), privateKey).toString('base64url') };
  };
  const anchors = [anchorAt(3), anchorAt(7), anchorAt(lines.length - 1)];
  return { lines, anchors, verifier: await anchorVerifier(jwk), keyId };
};

describe('the verification core with WebCrypto only', () => {
  it('agrees with the Node key on keyId (RFC 7638) and reads PEM, JWK and the endpoint answer alike', async () => {
    const jwk = publicKey.export({ format: 'jwk' });
    expect(jwkOfPem(pem)).toEqual({ kty: 'OKP', crv: 'Ed25519', x: jwk.x });
    for (const text of [pem, JSON.stringify(jwk), JSON.stringify({ keyId: 'k', algorithm: 'Ed25519', pem, jwk })]) expect(parsePublicKey(text)).toEqual({ jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x } });
    expect(parsePublicKey('{"kty":"RSA"}')).toEqual({ error: expect.any(String) });
  });

  it('passes an untouched export against its anchors', async () => {
    const { lines, anchors, verifier } = await fixture();
    expect(await verifyRecord(lines, { anchors, isGenuine: verifier.isGenuine })).toMatchObject({ ok: true, count: lines.length, anchorsChecked: 3, partial: false });
  });

  it('names a consistent re-chain at the first anchor after the edit, a cut tail at last line + 1, a forged anchor as bad_signature', async () => {
    const { lines, anchors, verifier } = await fixture();
    const options = { anchors, isGenuine: verifier.isGenuine };
    let prevHash = '0'.repeat(64);
    const rechained = lines.map((line, i) => {
      const { prevHash: _p, hash: _h, ...entry } = JSON.parse(line) as ExportedAuditEntry;
      const chained = chainEntry({ ...entry, ...(i === 5 ? { occurredAt: '1999-01-01T00:00:00.000Z' } : {}) }, prevHash);
      prevHash = chained.hash;
      return canonicalJson(chained);
    });
    expect(await verifyRecord(rechained)).toMatchObject({ ok: true });
    expect(await verifyRecord(rechained, options)).toMatchObject({ ok: false, line: 8, problem: 'rewritten' });
    expect(await verifyRecord(lines.slice(0, 8), options)).toMatchObject({ ok: false, line: 9, problem: 'truncated' });
    const forged = anchors.map((a, i) => (i === 1 ? { ...a, count: a.count + 1 } : a));
    expect(await verifyRecord(lines, { ...options, anchors: forged })).toMatchObject({ ok: false, line: 8, problem: 'bad_signature' });
  });

  it('reads anchors as a JSON array, a saved page, NDJSON, or events carrying them', async () => {
    const { anchors } = await fixture();
    for (const text of [JSON.stringify(anchors), JSON.stringify({ items: anchors, nextCursor: null }), anchors.map((a) => JSON.stringify(a)).join('\n'), anchors.map((a) => JSON.stringify({ type: 'AuditAnchored', data: a })).join('\n')]) {
      expect(parseAnchors(text)).toEqual({ anchors });
    }
    expect(parseAnchors('[{"position":"1"}]')).toEqual({ error: expect.stringMatching(/^item 1 is not an anchor/) });
    expect(parseAnchors('{"a":1}\nnot json')).toEqual({ error: 'line 2 of the anchors is not JSON' });
  });

  it('base64url round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = base64urlEncode(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(base64urlDecode(text)).toEqual(bytes);
      }),
    );
  });
});
