/**
 * The grant verdict (SPEC §5 "Check reasons"): is this one grant in force at an instant for a
 * check's context, and if not, why. Pure and allocation-free over a precomputed `GrantHistory`:
 * every verdict returned is a shared constant or built with the history. Precedence across several
 * grants (and the employee's role and employment) belongs to the caller, the permission index.
 *
 * Choices where SPEC is silent (the permission index's, kept as they were):
 * - NOT_ACKNOWLEDGED only from the application's notice until its acknowledgement, its end, or its
 *   validUntil; before the notice, and for applications that ended unacknowledged, NO_GRANT.
 * - Once acknowledged, the terms of the latest acknowledgement at or before the instant hold, from
 *   their validFrom until their validUntil (EXPIRED from then, a hard edge even before the expiry
 *   event); NOT_YET_VALID before validFrom.
 * - A grant ends at min(validUntil, terminating event): EXPIRED (at validUntil) when that comes
 *   first, else REVOKED / COMPLETED / EXPIRED at the event.
 * - A context field outside the scope gives OUT_OF_SCOPE even if another is missing;
 *   MISSING_CONTEXT (naming the fields) only when supplying them could allow.
 */
import type { CheckContext } from '../scope.js';
import { type Ended, type GrantHistory, type InForce, type TermsSegment, channelBit } from './grant-history.js';

export type ContextField = 'amount' | 'channel';
export type Denial = 'NOT_ACKNOWLEDGED' | 'NOT_YET_VALID' | 'OUT_OF_SCOPE' | 'NO_GRANT';

export interface Denied {
  readonly inForce: false;
  readonly reason: Denial;
}
export interface MissingContext {
  readonly inForce: false;
  readonly reason: 'MISSING_CONTEXT';
  readonly missing: readonly ContextField[];
}

/** What time alone says: in force, not (yet, or any longer), or ended. */
export type TermsVerdict = InForce | Ended | Denied;
export type GrantVerdict = TermsVerdict | MissingContext;
export type GrantVerdictReason = Exclude<GrantVerdict, InForce>['reason'];

const denied = (reason: Denial): Denied => Object.freeze({ inForce: false, reason });
const NO_GRANT = denied('NO_GRANT');
const NOT_ACKNOWLEDGED = denied('NOT_ACKNOWLEDGED');
const NOT_YET_VALID = denied('NOT_YET_VALID');
const OUT_OF_SCOPE = denied('OUT_OF_SCOPE');
const missingContext = (missing: readonly ContextField[]): MissingContext => Object.freeze({ inForce: false, reason: 'MISSING_CONTEXT', missing: Object.freeze(missing) });
const MISSING_AMOUNT = 1;
const MISSING_CHANNEL = 2;
/** By bits: amount 1, channel 2. */
const MISSING: readonly MissingContext[] = [missingContext([]), missingContext(['amount']), missingContext(['channel']), missingContext(['amount', 'channel'])];

/** The terms whose acknowledgement window contains `at`, whatever their validity. */
function segmentAt(history: GrantHistory, at: number): TermsSegment | null {
  const latest = history.latest;
  if (latest !== null && latest.ackAt <= at) return latest;
  const segments = history.segments;
  for (let i = segments.length - 2; i >= 0; i--) {
    const segment = segments[i] as TermsSegment;
    if (segment.ackAt <= at) return segment;
  }
  return null;
}

/** Whether the grant's terms are in force at `at` as far as time goes, whatever the context. */
export function termsVerdict(history: GrantHistory, at: number): TermsVerdict {
  if (!(at >= history.firstAckAt)) return at >= history.noticeAt && at < history.pendingUntil ? NOT_ACKNOWLEDGED : NO_GRANT;
  const end = history.end;
  if (end !== null && at >= end.endedAt) {
    const last = history.latest as TermsSegment;
    return last.validUntil <= end.endedAt ? last.expired : end;
  }
  const segment = segmentAt(history, at);
  if (segment === null) return NO_GRANT;
  if (at >= segment.validUntil) return segment.expired;
  if (at < segment.validFrom) return NOT_YET_VALID;
  return segment.inForce;
}

/** Whether the scope lets `channel` through (only asked when the scope limits channels). */
const allowsChannel = (terms: InForce, channel: string): boolean =>
  terms.channelMask > 0 ? (terms.channelMask & channelBit(channel)) !== 0 : (terms.channels?.includes(channel) ?? true);

/**
 * The domain's one scope rule: whether the terms' (precomputed) scope covers a check's context. A
 * given value outside the scope wins over a missing one: the caller learns it cannot act, not what to add.
 */
export function scopeVerdict(terms: InForce, context: CheckContext | undefined): InForce | MissingContext | Denied {
  let missing = 0;
  if (!Number.isNaN(terms.maxAmount)) {
    const amount = context?.amount;
    if (amount === undefined) missing |= MISSING_AMOUNT;
    else if (!(amount <= terms.maxAmount)) return OUT_OF_SCOPE;
  }
  if (terms.channelMask !== 0) {
    const channel = context?.channel;
    if (channel === undefined) missing |= MISSING_CHANNEL;
    else if (!allowsChannel(terms, channel)) return OUT_OF_SCOPE;
  }
  return missing === 0 ? terms : (MISSING[missing] as MissingContext);
}

/** Is this grant in force at `at` (epoch ms) for this context, and if not, why (SPEC §5). */
export function grantVerdict(history: GrantHistory, at: number, context: CheckContext | undefined): GrantVerdict {
  const verdict = termsVerdict(history, at);
  return verdict.inForce ? scopeVerdict(verdict, context) : verdict;
}
