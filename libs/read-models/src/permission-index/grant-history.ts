/**
 * The history of one authorization as the permission index needs it: when its notice made it
 * await acknowledgement, every set of terms acknowledged (the original and each change), and how
 * it ended. Instants are epoch milliseconds parsed once, at apply time.
 */
import type { Scope, Terms } from '../../../domain/src/events.js';
import type { CheckResult } from './check-result.js';

/** Terms put in force by one acknowledgement; they hold from `ackAt` until the next acknowledgement. */
export class TermsSegment {
  /** Next acknowledgement (a change) replacing these terms; +Infinity while they are the latest. */
  supersededAt = Number.POSITIVE_INFINITY;
  readonly validFrom: number;
  readonly validUntil: number;
  /** NaN when the scope does not limit the amount. */
  readonly maxAmount: number;
  readonly channels: readonly string[] | null;
  /** The channels as bits (phone 1, chat 2, email 4); 0 when unlimited; -1 when a channel is not one of these. */
  readonly channelMask: number;
  private allowed: CheckResult | undefined;

  constructor(
    readonly grantId: string,
    readonly ackAt: number,
    readonly terms: Terms,
  ) {
    this.validFrom = Date.parse(terms.validFrom);
    this.validUntil = Date.parse(terms.validUntil);
    this.maxAmount = typeof terms.scope.maxAmount === 'number' ? terms.scope.maxAmount : Number.NaN;
    this.channels = terms.scope.channels ?? null;
    this.channelMask = this.channels === null ? 0 : this.channels.reduce((mask, channel) => (mask < 0 || channelBit(channel) === 0 ? -1 : mask | channelBit(channel)), 0);
  }

  /** Whether the scope lets `channel` through (only called when the scope limits channels). */
  allowsChannel(channel: string): boolean {
    return this.channelMask > 0 ? (this.channelMask & channelBit(channel)) !== 0 : (this.channels?.includes(channel) ?? true);
  }

  get scope(): Scope {
    return this.terms.scope;
  }

  /** The allowed answer for these terms, built once so the hot path allocates nothing. */
  allowedResult(): CheckResult {
    this.allowed ??= Object.freeze({ allowed: true, reason: 'GRANT', grantId: this.grantId, validUntil: this.terms.validUntil });
    return this.allowed;
  }
}

/** Bit of a known channel, 0 for anything else (compared by content, no allocation). */
export const channelBit = (channel: string): number => (channel === 'phone' ? 1 : channel === 'chat' ? 2 : channel === 'email' ? 4 : 0);

export type EndReason = 'EXPIRED' | 'REVOKED' | 'COMPLETED';

export class GrantHistory {
  /** When the notice was issued (status pending_acknowledgement); +Infinity before. */
  noticeAt = Number.POSITIVE_INFINITY;
  /** End of the wait for acknowledgement: the acknowledgement, the end of the application, or its validUntil. */
  pendingUntil = Number.POSITIVE_INFINITY;
  readonly segments: TermsSegment[] = [];
  /** Hot copies for checks: the first acknowledgement instant and the latest terms. */
  firstAckAt = Number.POSITIVE_INFINITY;
  latest: TermsSegment | undefined;
  /** Instant of the terminating event (expiry, revocation, completion); +Infinity while none. */
  endedAt = Number.POSITIVE_INFINITY;
  endReason: EndReason = 'EXPIRED';

  constructor(
    readonly id: string,
    readonly employeeId: string,
    readonly authority: string,
  ) {}

  get attached(): boolean {
    return this.noticeAt !== Number.POSITIVE_INFINITY;
  }

  noticeIssued(at: number, terms: Terms): void {
    if (this.attached) return;
    this.noticeAt = at;
    const validUntil = Date.parse(terms.validUntil);
    this.pendingUntil = Number.isNaN(validUntil) ? Number.POSITIVE_INFINITY : validUntil;
  }

  acknowledged(at: number, terms: Terms): void {
    const previous = this.segments[this.segments.length - 1];
    // Keep the segments ordered even if clocks disagree: an acknowledgement never precedes the last one.
    const ackAt = previous !== undefined && previous.ackAt > at ? previous.ackAt : at;
    if (previous !== undefined) previous.supersededAt = ackAt;
    else if (this.pendingUntil > ackAt) this.pendingUntil = ackAt;
    if (!this.attached) this.noticeAt = ackAt;
    const segment = new TermsSegment(this.id, ackAt, terms);
    this.segments.push(segment);
    this.latest = segment;
    if (previous === undefined) this.firstAckAt = ackAt;
  }

  ended(at: number, reason: EndReason | null): void {
    if (this.pendingUntil > at) this.pendingUntil = at;
    if (reason === null || this.endedAt !== Number.POSITIVE_INFINITY) return;
    this.endedAt = at;
    this.endReason = reason;
  }

  /** The terms whose acknowledgement window contains `at`, whatever their validity. */
  segmentAt(at: number): TermsSegment | undefined {
    if (this.latest !== undefined && this.latest.ackAt <= at) return this.latest;
    const segments = this.segments;
    for (let i = segments.length - 1; i >= 0; i--) {
      const segment = segments[i];
      if (segment !== undefined && segment.ackAt <= at) return segment;
    }
    return undefined;
  }

  /** The terms in force at `at`: acknowledged, within [validFrom, validUntil), not yet ended. */
  inForceAt(at: number): TermsSegment | undefined {
    if (at >= this.endedAt) return undefined;
    const segment = this.segmentAt(at);
    if (segment === undefined || at < segment.validFrom || at >= segment.validUntil) return undefined;
    return segment;
  }
}
