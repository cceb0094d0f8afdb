/** The authorization read model: one row per authorization, as the API shows it (SPEC §5). */
import type { Act } from '../../../domain/src/authorization/authorization.state.js';
import type { Actor, RevocationCause, Scope, Terms } from '../../../domain/src/events.js';
import type { Role } from '../../../domain/src/ids.js';
import type { Position } from '../../../event-store/src/event-store.port.js';

export const AUTHORIZATION_STATUSES = [
  'pending_review',
  'pending_approval',
  'pending_final_approval',
  'pending_notice',
  'pending_acknowledgement',
  'active',
  'rejected',
  'withdrawn',
  'expired',
  'completed',
  'revoked',
] as const;
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number];

/** The workflow stages an application or a change passes through before it is in force. */
export type PendingStage = 'pending_review' | 'pending_approval' | 'pending_final_approval' | 'pending_notice' | 'pending_acknowledgement';

export interface RowTerms {
  readonly scope: Scope;
  readonly validFrom: string;
  readonly validUntil: string;
}

export interface NoticeInfo {
  readonly number: string;
  readonly issuerId: string;
  readonly issuedAs: 'manager' | 'designee';
  readonly copiesTo: readonly string[];
  readonly issuedAt: string;
}

export interface PendingChange {
  readonly changeId: string;
  readonly stage: PendingStage;
  readonly terms: RowTerms;
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly finalApprovalRequired: boolean;
  readonly reviewerId: string | null;
  readonly approverId: string | null;
  readonly executiveId: string | null;
  readonly notice: NoticeInfo | null;
}

export interface HistoryEntry {
  readonly type: string;
  readonly position: Position;
  readonly actor: Actor | null;
  /** On an act by a stand-in (代理人): the employee it was for. */
  readonly actingFor?: string;
  readonly occurredAt: string;
  /** The event's data without the authorization id (opinions, decisions, terms, reasons). */
  readonly data: Readonly<Record<string, unknown>>;
}

export type EndCause = 'rejected' | 'withdrawn' | 'expired' | 'completed' | RevocationCause;

export interface AuthorizationRow {
  readonly id: string;
  readonly applicantId: string;
  readonly applicantRole: Role;
  readonly applicantTeam: string | null;
  readonly status: AuthorizationStatus;
  readonly matter: string;
  readonly terms: RowTerms;
  readonly reason: string;
  readonly finalApprovalRequired: boolean;
  readonly pendingChange: PendingChange | null;
  readonly reviewerId: string | null;
  readonly approverId: string | null;
  readonly executiveId: string | null;
  readonly notice: NoticeInfo | null;
  /** Every department any notice of it was copied to, in order of first copy (SPEC §12); each notice's own list is in `notice` and the history. */
  readonly copiesTo: readonly string[];
  readonly acknowledgedAt: string | null;
  readonly endedAt: string | null;
  readonly endedBy: string | null;
  /** Free text: rejection opinion, revocation/withdrawal reason, completion note. */
  readonly endReason: string | null;
  readonly endCause: EndCause | null;
  /**
   * Every review, approval, final approval and notice given on it and its changes, in order: who,
   * in which step, for whom when a stand-in (the domain's `Act`s, as its fold keeps them). What
   * separation of duties decides on (`ensureSeparatedActs`), so the worklist needs no stream read.
   * Not shown by the API (the history says the same).
   */
  readonly acts: readonly Act[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Position of the AuthorizationApplied event: immutable, unique, the list's sort key. */
  readonly createdPosition: Position;
  readonly lastPosition: Position;
}

/**
 * What `GET /v1/authorizations/{id}` shows: the row plus its history. The history is not stored
 * in the row (that would rewrite every past event on each step); it is read from the audit
 * entries of the authorization's stream, in the same statement as the row.
 */
export interface AuthorizationView extends AuthorizationRow {
  readonly history: readonly HistoryEntry[];
}

export const termsOf = (terms: Terms): RowTerms => ({ scope: terms.scope, validFrom: terms.validFrom, validUntil: terms.validUntil });
