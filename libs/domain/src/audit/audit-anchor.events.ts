/**
 * Stream `audit-anchors` (SPEC §12): the signer's signed statements about the audit chain. A public
 * contract like the other events, but not an audit entry itself (the chain never covers anchors).
 */
import type { Actor } from '../events.js';

export interface AuditAnchorData {
  /** Position of the last covered entry (as in the audit trail and its export). */
  readonly position: string;
  /** Entries from the start of the chain up to and including `position`. */
  readonly count: number;
  /** That entry's chain hash. */
  readonly hash: string;
  /** ISO-8601 UTC instant of signing. */
  readonly at: string;
  /** RFC 7638 thumbprint of the signing key. */
  readonly keyId: string;
  /** base64url Ed25519 over the canonical JSON of the five fields above. */
  readonly signature: string;
}

export interface AuditAnchorMetadata {
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string;
}

export type AuditAnchored = { readonly type: 'AuditAnchored'; readonly data: AuditAnchorData; readonly metadata?: AuditAnchorMetadata };
export type AuditAnchorEvent = AuditAnchored;
