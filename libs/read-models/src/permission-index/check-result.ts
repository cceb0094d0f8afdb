/** Answers of the permission index (SPEC §5 "Check reasons", permissions, holders). */
import type { Role } from '../../../domain/src/ids.js';
import type { Scope } from '../../../domain/src/events.js';
import type { ContextField } from '../../../domain/src/authorization/grant-verdict.js';
import type { CheckContext } from '../../../domain/src/scope.js';

export type AllowReason = 'ROLE_BASELINE' | 'GRANT';
export type DenyReason =
  | 'NO_GRANT'
  | 'OUT_OF_SCOPE'
  | 'MISSING_CONTEXT'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'NOT_ACKNOWLEDGED'
  | 'REVOKED'
  | 'COMPLETED'
  | 'EMPLOYEE_LEFT'
  | 'UNKNOWN_EMPLOYEE'
  | 'UNKNOWN_AUTHORITY';
export type CheckReason = AllowReason | DenyReason;

/** The domain's: what a check may say about the act, and what a grant's scope may ask for. */
export type { CheckContext } from '../../../domain/src/scope.js';
export type { ContextField } from '../../../domain/src/authorization/grant-verdict.js';

export interface CheckQuery {
  readonly employeeId: string;
  readonly authority: string;
  readonly context?: CheckContext;
  /** The instant the question is about, in epoch milliseconds (the caller passes `Date.now()` for "now"). */
  readonly at: number;
}

/**
 * `grantId` names the authorization that decided the answer: on an allowed-by-grant answer, and on
 * denials caused by one grant (OUT_OF_SCOPE, MISSING_CONTEXT, NOT_YET_VALID, NOT_ACKNOWLEDGED,
 * EXPIRED, REVOKED, COMPLETED). `validUntil` (ISO-8601) only on allowed-by-grant answers, so a
 * caller never caches a decision past it. Answers are frozen and may be shared between calls.
 */
export interface CheckResult {
  readonly allowed: boolean;
  readonly reason: CheckReason;
  readonly grantId?: string;
  readonly validUntil?: string;
  readonly missingContext?: readonly ContextField[];
}

export interface GrantInForce {
  readonly authority: string;
  readonly grantId: string;
  readonly scope: Scope;
  readonly validFrom: string;
  readonly validUntil: string;
}

export interface Permissions {
  readonly employeeId: string;
  /** Role at the instant; null before the employee was registered. */
  readonly role: Role | null;
  /** true when the employee had left at or before the instant: nothing is held then. */
  readonly departed: boolean;
  readonly baseline: readonly string[];
  readonly grants: readonly GrantInForce[];
}

export type Holder =
  | { readonly employeeId: string; readonly via: 'role'; readonly role: Role }
  | { readonly employeeId: string; readonly via: 'grant'; readonly grantId: string; readonly scope: Scope; readonly validUntil: string };
