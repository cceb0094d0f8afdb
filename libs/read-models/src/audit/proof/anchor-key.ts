/**
 * The anchors' public key in the forms a verifier is handed (SPEC §12): PEM (SPKI), a JWK, or the
 * saved answer of `GET /v1/audit/public-key`. WebCrypto only (`crypto.subtle`, Ed25519), so the
 * same code runs in Node and in a browser.
 */
import { anchorMessage, base64urlDecode, base64urlEncode, type AuditAnchor } from './audit-anchor.js';

export interface Ed25519PublicJwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
}

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the 32 key bytes follow. */
const SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

const asJwk = (value: unknown): Ed25519PublicJwk | null => {
  if (typeof value !== 'object' || value === null) return null;
  const { kty, crv, x } = value as Record<string, unknown>;
  if (kty !== 'OKP' || crv !== 'Ed25519' || typeof x !== 'string' || base64urlDecode(x)?.length !== 32) return null;
  return { kty, crv, x };
};

/** The JWK of an Ed25519 `PUBLIC KEY` PEM, or null. */
export const jwkOfPem = (pem: string): Ed25519PublicJwk | null => {
  const body = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(pem)?.[1];
  if (body === undefined) return null;
  const der = base64urlDecode(body.replace(/\s+/g, ''));
  if (der === null || der.length !== SPKI_PREFIX.length + 32 || SPKI_PREFIX.some((b, i) => der[i] !== b)) return null;
  return { kty: 'OKP', crv: 'Ed25519', x: base64urlEncode(der.slice(SPKI_PREFIX.length)) };
};

/** PEM, JWK JSON or `{keyId, algorithm, pem, jwk}` → the key; a message saying why not otherwise. */
export const parsePublicKey = (text: string): { readonly jwk: Ed25519PublicJwk } | { readonly error: string } => {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) {
    const jwk = jwkOfPem(trimmed);
    return jwk === null ? { error: 'the PEM is not an Ed25519 public key' } : { jwk };
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { error: 'neither a PEM nor JSON' };
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const jwk = asJwk(value) ?? asJwk(record['jwk']) ?? (typeof record['pem'] === 'string' ? jwkOfPem(record['pem']) : null);
  return jwk === null ? { error: 'not an Ed25519 JWK nor the answer of GET /v1/audit/public-key' } : { jwk };
};

const subtle = (): typeof globalThis.crypto.subtle => globalThis.crypto.subtle;
const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

/** RFC 7638 thumbprint (SHA-256, base64url) of the JWK: the anchors' `keyId`. */
export const jwkThumbprint = async (jwk: Ed25519PublicJwk): Promise<string> =>
  base64urlEncode(new Uint8Array(await subtle().digest('SHA-256', utf8(`{"crv":"${jwk.crv}","kty":"${jwk.kty}","x":"${jwk.x}"}`))));

export interface AnchorVerifier {
  readonly keyId: string;
  /** Whether the anchor names this key and its signature is valid over its five other fields. */
  readonly isGenuine: (anchor: AuditAnchor) => Promise<boolean>;
}

export const anchorVerifier = async (jwk: Ed25519PublicJwk): Promise<AnchorVerifier> => {
  const key = await subtle().importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, { name: 'Ed25519' }, false, ['verify']);
  const keyId = await jwkThumbprint(jwk);
  return {
    keyId,
    isGenuine: async (anchor) => {
      if (anchor.keyId !== keyId) return false;
      const signature = base64urlDecode(anchor.signature);
      if (signature === null || signature.length !== 64) return false;
      return subtle().verify({ name: 'Ed25519' }, key, new Uint8Array(signature), utf8(anchorMessage(anchor)));
    },
  };
};
