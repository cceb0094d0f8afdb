/**
 * Signed audit anchors (SPEC §12 "Proof of the whole record"): the wire shape and what is signed.
 * Pure (no Node-only import): the CLI verifier and the web console share it.
 */
import { canonicalJson } from '../../../../contracts/src/canonical-json.js';

/** The stream the signer appends to; its events are not audit entries. */
export const ANCHOR_STREAM = 'audit-anchors';
export const ANCHOR_ALGORITHM = 'Ed25519';

export interface AuditAnchor {
  /** Position of the last covered entry (the same string as in the audit trail and the export). */
  readonly position: string;
  /** Entries from the start of the chain up to and including `position`. */
  readonly count: number;
  /** The chain hash of that entry. */
  readonly hash: string;
  /** ISO-8601 UTC instant of signing. */
  readonly at: string;
  /** RFC 7638 thumbprint of the signing key's public JWK. */
  readonly keyId: string;
  /** base64url Ed25519 signature over `anchorMessage` of the five other fields. */
  readonly signature: string;
}

export type UnsignedAnchor = Omit<AuditAnchor, 'signature'>;

/** The exact text that is signed: canonical JSON (SPEC §7) of the five fields. */
export const anchorMessage = (anchor: UnsignedAnchor): string =>
  canonicalJson({ position: anchor.position, count: anchor.count, hash: anchor.hash, at: anchor.at, keyId: anchor.keyId });

const HEX64 = /^[0-9a-f]{64}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The anchor in `value` when it has the six fields with the right types, else null. */
export const asAuditAnchor = (value: unknown): AuditAnchor | null => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const { position, count, hash, at, keyId, signature } = v;
  if (typeof position !== 'string' || position === '') return null;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return null;
  if (typeof hash !== 'string' || !HEX64.test(hash)) return null;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return null;
  if (typeof keyId !== 'string' || !BASE64URL.test(keyId)) return null;
  if (typeof signature !== 'string' || !BASE64URL.test(signature)) return null;
  return { position, count, hash, at, keyId, signature };
};

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export const base64urlEncode = (bytes: Uint8Array): string => {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [(n >> 18) & 63, (n >> 12) & 63, (n >> 6) & 63, n & 63].map((c) => ALPHABET[c] as string);
    out += chars.slice(0, i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2).join('');
  }
  return out;
};

/** Decodes base64url (or base64: `+/` and padding accepted); null for anything else. */
export const base64urlDecode = (text: string): Uint8Array | null => {
  const clean = text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  if (!/^[A-Za-z0-9_-]*$/.test(clean) || clean.length % 4 === 1) return null;
  const bytes: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const group = clean.slice(i, i + 4);
    const n = [...group].reduce((acc, ch, k) => acc | (ALPHABET.indexOf(ch) << (18 - 6 * k)), 0);
    bytes.push((n >> 16) & 255);
    if (group.length > 2) bytes.push((n >> 8) & 255);
    if (group.length > 3) bytes.push(n & 255);
  }
  return Uint8Array.from(bytes);
};
