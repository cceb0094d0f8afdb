/**
 * One authorization as the permission index holds it: who and what it is about, and its history in
 * the domain's shape (`GrantHistory`), replaced on each event that changes it. The verdict itself is
 * the domain's (`grantVerdict`); this adds only the allowed answer, built once per terms.
 */
import type { Terms } from '../../../domain/src/events.js';
import {
  EMPTY_GRANT_HISTORY,
  type EndReason,
  type GrantHistory,
  type InForce,
  withAcknowledgement,
  withEnd,
  withNotice,
} from '../../../domain/src/authorization/grant-history.js';
import type { CheckResult } from './check-result.js';

export class IndexedGrant {
  history: GrantHistory = EMPTY_GRANT_HISTORY;
  private allowedFor: InForce | null = null;
  private allowed: CheckResult | null = null;

  constructor(
    readonly id: string,
    readonly employeeId: string,
    readonly authority: string,
  ) {}

  /** Whether the application's notice was issued (or it was acknowledged): from then on it counts in answers. */
  get attached(): boolean {
    return this.history.noticeAt !== Number.POSITIVE_INFINITY;
  }

  noticeIssued(at: number, terms: Terms): void {
    this.history = withNotice(this.history, at, terms);
  }

  acknowledged(at: number, terms: Terms): void {
    this.history = withAcknowledgement(this.history, at, terms);
  }

  ended(at: number, reason: EndReason | null): void {
    this.history = withEnd(this.history, at, reason);
  }

  /** The allowed answer for these terms, kept so that checks about the same terms allocate nothing. */
  allowedResult(terms: InForce): CheckResult {
    if (this.allowedFor !== terms || this.allowed === null) {
      this.allowedFor = terms;
      this.allowed = Object.freeze({ allowed: true, reason: 'GRANT', grantId: this.id, validUntil: terms.terms.validUntil });
    }
    return this.allowed;
  }
}
