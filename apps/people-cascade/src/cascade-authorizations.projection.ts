/**
 * The cascade's own read model: who applied for which authorization, for which matter, and where
 * it stands. Pure `evolve`; the SQL store is in `cascade-authorizations.store.ts`.
 */

export type CascadeStatus =
  | 'pending_review'
  | 'pending_approval'
  | 'pending_final_approval'
  | 'pending_notice'
  | 'pending_acknowledgement'
  | 'active'
  | 'rejected'
  | 'withdrawn'
  | 'expired'
  | 'completed'
  | 'revoked';

export interface CascadeRow {
  readonly authorizationId: string;
  readonly applicantId: string;
  readonly matter: string;
  readonly status: CascadeStatus;
}

export interface StoredEventLike {
  readonly type: string;
  readonly data: unknown;
}

export const ENDED_STATUSES: readonly CascadeStatus[] = ['rejected', 'withdrawn', 'expired', 'completed', 'revoked'];

const ENDINGS: Readonly<Record<string, CascadeStatus>> = {
  AuthorizationExpired: 'expired',
  AuthorizationCompleted: 'completed',
  AuthorizationRevoked: 'revoked',
  ApplicationWithdrawn: 'withdrawn',
};

const field = (data: unknown, name: string): unknown => (typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[name] : undefined);
const text = (data: unknown, name: string): string | undefined => {
  const value = field(data, name);
  return typeof value === 'string' ? value : undefined;
};

/** The next status of the application itself; steps of a change (`changeId`) leave the grant as it is. */
function stepOf(event: StoredEventLike): CascadeStatus | undefined {
  const ending = ENDINGS[event.type];
  if (ending) return ending;
  if (field(event.data, 'changeId') !== undefined) return undefined;
  switch (event.type) {
    case 'InitialReviewPassed':
      return 'pending_approval';
    case 'ManagerApproved':
      return field(event.data, 'finalApprovalRequired') === true ? 'pending_final_approval' : 'pending_notice';
    case 'ExecutiveApproved':
      return 'pending_notice';
    case 'NoticeIssued':
      return 'pending_acknowledgement';
    case 'NoticeAcknowledged':
      return 'active';
    case 'InitialReviewRejected':
    case 'ManagerRejected':
    case 'ExecutiveRejected':
      return 'rejected';
    default:
      return undefined;
  }
}

/** The authorization an event is about, if it is an authorization event. */
export const cascadeAuthorizationId = (event: StoredEventLike): string | undefined =>
  event.type === 'AuthorizationApplied' || stepOf(event) !== undefined ? text(event.data, 'authorizationId') : undefined;

/** Folds one authorization event into its row (`null`: not known yet). Never throws. */
export function evolveCascadeRow(row: CascadeRow | null, event: StoredEventLike): CascadeRow | null {
  const authorizationId = text(event.data, 'authorizationId');
  if (authorizationId === undefined) return row;
  if (event.type === 'AuthorizationApplied') {
    if (row !== null) return row;
    const applicantId = text(event.data, 'applicantId');
    const matter = text(event.data, 'matter');
    if (applicantId === undefined || matter === undefined) return null;
    return { authorizationId, applicantId, matter, status: field(event.data, 'initialReviewRequired') === false ? 'pending_approval' : 'pending_review' };
  }
  const next = stepOf(event);
  if (row === null || next === undefined || ENDED_STATUSES.includes(row.status)) return row;
  return next === row.status ? row : { ...row, status: next };
}
