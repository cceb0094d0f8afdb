/** The Ed25519 key that signs audit anchors, with its public forms (PEM, JWK) and RFC 7638 `keyId`. */
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import type { Ed25519PublicJwk } from '../proof/anchor-key.js';
import { anchorMessage, ANCHOR_ALGORITHM, type AuditAnchor, type UnsignedAnchor } from '../proof/audit-anchor.js';

export interface AnchorSigningKey {
  readonly keyId: string;
  readonly algorithm: typeof ANCHOR_ALGORITHM;
  readonly publicPem: string;
  readonly publicJwk: Ed25519PublicJwk;
  /** The anchor signed: base64url Ed25519 over the canonical JSON of its five fields. */
  readonly sign: (anchor: Omit<UnsignedAnchor, 'keyId'>) => AuditAnchor;
}

/** From a PKCS#8 PEM already checked to be Ed25519 (AUDIT_SIGNING_KEY is checked at configuration). */
export const anchorSigningKey = (privatePem: string): AnchorSigningKey => {
  const privateKey = createPrivateKey(privatePem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the audit signing key is not Ed25519');
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('the audit signing key has no public x');
  const publicJwk: Ed25519PublicJwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
  const keyId = createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${publicJwk.x}"}`).digest('base64url');
  return {
    keyId,
    algorithm: ANCHOR_ALGORITHM,
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    publicJwk,
    sign: (fields) => {
      const unsigned: UnsignedAnchor = { position: fields.position, count: fields.count, hash: fields.hash, at: fields.at, keyId };
      return { ...unsigned, signature: sign(null, Buffer.from(anchorMessage(unsigned), 'utf8'), privateKey).toString('base64url') };
    },
  };
};
