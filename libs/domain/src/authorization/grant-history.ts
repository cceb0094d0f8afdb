/**
 * One authorization's history as a check needs it (SPEC §5): when its notice made it await
 * acknowledgement, every set of terms acknowledged (the application's, then each change's) and how
 * it ended. Instants are epoch milliseconds parsed once, and the verdicts each part gives are built
 * once, so that `grantVerdict` allocates nothing. The permission index builds it from stored events
 * with `withNotice`, `withAcknowledgement` and `withEnd`; `grantHistoryOf` builds it from the
 * decider's state with the same three steps.
 */
import type { Terms } from '../events.js';
import { type AuthorizationState, type TerminalStatus, isTerminal } from './authorization.state.js';

export type EndReason = 'EXPIRED' | 'REVOKED' | 'COMPLETED';

/** Verdict of a grant that has ended at `endedAt`: by its validUntil (EXPIRED) or by an event. */
export interface Ended {
  readonly inForce: false;
  readonly reason: EndReason;
  readonly endedAt: number;
}

/** Verdict of terms in force, with their scope precomputed for the context check. */
export interface InForce {
  readonly inForce: true;
  readonly terms: Terms;
  readonly validUntil: number;
  /** NaN when the scope does not limit the amount. */
  readonly maxAmount: number;
  readonly channels: readonly string[] | null;
  /** The channels as bits (phone 1, chat 2, email 4); 0 when unlimited; -1 when one is none of these. */
  readonly channelMask: number;
}

/** Terms put in force by one acknowledgement; they hold from `ackAt` until the next acknowledgement. */
export interface TermsSegment {
  readonly ackAt: number;
  readonly validFrom: number;
  readonly validUntil: number;
  readonly inForce: InForce;
  /** The verdict at and after `validUntil`. */
  readonly expired: Ended;
}

export interface GrantHistory {
  /** When the application's notice was issued (status pending_acknowledgement); +Infinity before. */
  readonly noticeAt: number;
  /** End of the wait for acknowledgement: the acknowledgement, the end of the application, or its validUntil. */
  readonly pendingUntil: number;
  /** Ascending by `ackAt`. */
  readonly segments: readonly TermsSegment[];
  /** Hot copies: the first acknowledgement instant (+Infinity while none) and the latest terms. */
  readonly firstAckAt: number;
  readonly latest: TermsSegment | null;
  /** The terminating event (expiry, revocation, completion); null while none. */
  readonly end: Ended | null;
}

/** Every history is built here, so that all have one shape and checks read them monomorphically. */
const grantHistory = (
  noticeAt: number,
  pendingUntil: number,
  segments: readonly TermsSegment[],
  firstAckAt: number,
  latest: TermsSegment | null,
  end: Ended | null,
): GrantHistory => ({ noticeAt, pendingUntil, segments, firstAckAt, latest, end });

export const EMPTY_GRANT_HISTORY: GrantHistory = grantHistory(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, [], Number.POSITIVE_INFINITY, null, null);

/** Epoch ms of an ISO instant as stored; NaN when absent or malformed. */
export const epochMs = (value: unknown): number => (typeof value === 'string' ? Date.parse(value) : Number.NaN);

/** Bit of a known channel, 0 for anything else (compared by content, no allocation). */
export const channelBit = (channel: string): number => (channel === 'phone' ? 1 : channel === 'chat' ? 2 : channel === 'email' ? 4 : 0);

const channelMaskOf = (channels: readonly string[] | null): number =>
  channels === null ? 0 : channels.reduce((mask, channel) => (mask < 0 || channelBit(channel) === 0 ? -1 : mask | channelBit(channel)), 0);

export function termsSegment(ackAt: number, terms: Terms): TermsSegment {
  const validUntil = epochMs(terms.validUntil);
  const channels = terms.scope.channels ?? null;
  const maxAmount = typeof terms.scope.maxAmount === 'number' ? terms.scope.maxAmount : Number.NaN;
  const inForce: InForce = Object.freeze({ inForce: true, terms, validUntil, maxAmount, channels, channelMask: channelMaskOf(channels) });
  const expired: Ended = Object.freeze({ inForce: false, reason: 'EXPIRED', endedAt: validUntil });
  return Object.freeze({ ackAt, validFrom: epochMs(terms.validFrom), validUntil, inForce, expired });
}

/** The application's notice at `at`, stating `terms`; a second notice (a change's) changes nothing. */
export function withNotice(history: GrantHistory, at: number, terms: Terms): GrantHistory {
  if (history.noticeAt !== Number.POSITIVE_INFINITY) return history;
  const validUntil = epochMs(terms.validUntil);
  const pendingUntil = Number.isNaN(validUntil) ? Number.POSITIVE_INFINITY : validUntil;
  return grantHistory(at, pendingUntil, history.segments, history.firstAckAt, history.latest, history.end);
}

/** An acknowledgement at `at` putting `terms` in force (the application's, or a change's). */
export function withAcknowledgement(history: GrantHistory, at: number, terms: Terms): GrantHistory {
  const previous = history.latest;
  // Keep the segments ordered even if clocks disagree: an acknowledgement never precedes the last one.
  const ackAt = previous !== null && previous.ackAt > at ? previous.ackAt : at;
  const segment = termsSegment(ackAt, terms);
  const first = previous === null;
  return grantHistory(
    history.noticeAt === Number.POSITIVE_INFINITY ? ackAt : history.noticeAt,
    first && history.pendingUntil > ackAt ? ackAt : history.pendingUntil,
    [...history.segments, segment],
    first ? ackAt : history.firstAckAt,
    segment,
    history.end,
  );
}

/** The end at `at`: by expiry, revocation or completion, or (`null`) a withdrawal that only stops the wait. */
export function withEnd(history: GrantHistory, at: number, reason: EndReason | null): GrantHistory {
  const pendingUntil = history.pendingUntil > at ? at : history.pendingUntil;
  const end: Ended | null = reason === null || history.end !== null ? history.end : Object.freeze({ inForce: false, reason, endedAt: at });
  if (pendingUntil === history.pendingUntil && end === history.end) return history;
  return grantHistory(history.noticeAt, pendingUntil, history.segments, history.firstAckAt, history.latest, end);
}

/** How a terminal status enters the history: rejections end nothing a check sees (there was no notice). */
function endReasonOf(status: TerminalStatus): EndReason | null | 'none' {
  switch (status) {
    case 'expired':
      return 'EXPIRED';
    case 'revoked':
      return 'REVOKED';
    case 'completed':
      return 'COMPLETED';
    case 'withdrawn':
      return null;
    case 'rejected':
      return 'none';
    default: {
      const _exhaustive: never = status;
      return _exhaustive;
    }
  }
}

const instantOr = (value: string | null, fallback: number): number => {
  const ms = epochMs(value);
  return Number.isNaN(ms) ? fallback : ms;
};

/** The history of the decider's state: nothing before the application's notice. */
export function grantHistoryOf(state: AuthorizationState): GrantHistory {
  if (state.status === 'initial' || state.notice === null) return EMPTY_GRANT_HISTORY;
  const noticed = state.acknowledgements[0]?.terms ?? state.terms;
  let history = withNotice(EMPTY_GRANT_HISTORY, instantOr(state.noticeIssuedAt, Number.NEGATIVE_INFINITY), noticed);
  for (const { acknowledgedAt, terms } of state.acknowledgements) {
    history = withAcknowledgement(history, instantOr(acknowledgedAt, Number.NEGATIVE_INFINITY), terms);
  }
  if (!isTerminal(state)) return history;
  const reason = endReasonOf(state.status);
  return reason === 'none' ? history : withEnd(history, instantOr(state.endedAt, Number.NEGATIVE_INFINITY), reason);
}

/**
 * A history from its parts as `withNotice`, `withAcknowledgement` and `withEnd` left them (a
 * snapshot of the permission index): the acknowledgements' instants and terms, in order.
 */
export function restoreGrantHistory(noticeAt: number, pendingUntil: number, acknowledgements: readonly (readonly [ackAt: number, terms: Terms])[], end: { readonly reason: EndReason; readonly endedAt: number } | null): GrantHistory {
  const segments = acknowledgements.map(([ackAt, terms]) => termsSegment(ackAt, terms));
  const latest = segments[segments.length - 1] ?? null;
  const ended: Ended | null = end === null ? null : Object.freeze({ inForce: false, reason: end.reason, endedAt: end.endedAt });
  return grantHistory(noticeAt, pendingUntil, segments, segments[0]?.ackAt ?? Number.POSITIVE_INFINITY, latest, ended);
}
