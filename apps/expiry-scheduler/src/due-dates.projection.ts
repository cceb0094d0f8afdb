/**
 * The scheduler's own read model: one row per authorization with the `validUntil` in force and
 * which expiry reminders were issued for it. Pure `evolve`; the store in `due-dates.store.ts`.
 */

export type DueStatus = 'open' | 'active' | 'ended';

export interface DueRow {
  readonly authorizationId: string;
  /** ISO instant: the application's validUntil, then the validUntil of the acknowledged terms. */
  readonly validUntil: string;
  /** `open`: applied, not yet in force; `active`: acknowledged; `ended`: terminal (nothing to schedule). */
  readonly status: DueStatus;
  /** `daysAhead` of the reminders issued for the current `validUntil`. */
  readonly remindersDone: readonly number[];
}

export interface StoredEventLike {
  readonly type: string;
  readonly data: unknown;
}

const ENDING = new Set(['AuthorizationExpired', 'AuthorizationCompleted', 'AuthorizationRevoked', 'ApplicationWithdrawn']);
/** Rejections end an application, but only clear a change (the grant stays as it was). */
const REJECTIONS = new Set(['InitialReviewRejected', 'ManagerRejected', 'ExecutiveRejected']);

const field = (data: unknown, name: string): unknown => (typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[name] : undefined);
const text = (data: unknown, name: string): string | undefined => {
  const value = field(data, name);
  return typeof value === 'string' ? value : undefined;
};

/** The authorization an event belongs to, when it is one the due-date model cares about. */
export const dueAuthorizationId = (event: StoredEventLike): string | undefined =>
  event.type === 'AuthorizationApplied' ||
  event.type === 'NoticeAcknowledged' ||
  event.type === 'ExpiryReminderIssued' ||
  ENDING.has(event.type) ||
  REJECTIONS.has(event.type)
    ? text(event.data, 'authorizationId')
    : undefined;

/** Folds one authorization event into its due-date row (`null`: not known yet). Never throws. */
export function evolveDue(row: DueRow | null, event: StoredEventLike): DueRow | null {
  const authorizationId = text(event.data, 'authorizationId');
  if (authorizationId === undefined) return row;
  if (event.type === 'AuthorizationApplied') {
    const validUntil = text(event.data, 'validUntil');
    return row ?? (validUntil === undefined ? null : { authorizationId, validUntil, status: 'open', remindersDone: [] });
  }
  if (row === null || row.status === 'ended') return row;
  if (ENDING.has(event.type)) return { ...row, status: 'ended' };
  if (REJECTIONS.has(event.type)) return field(event.data, 'changeId') === undefined ? { ...row, status: 'ended' } : row;
  if (event.type === 'NoticeAcknowledged') {
    const validUntil = text(field(event.data, 'terms'), 'validUntil') ?? row.validUntil;
    const sameValidity = Date.parse(validUntil) === Date.parse(row.validUntil);
    return { ...row, status: 'active', validUntil, remindersDone: sameValidity ? row.remindersDone : [] };
  }
  if (event.type === 'ExpiryReminderIssued') {
    const days = field(event.data, 'daysAhead');
    const validUntil = text(event.data, 'validUntil');
    if (typeof days !== 'number' || validUntil === undefined || Date.parse(validUntil) !== Date.parse(row.validUntil)) return row;
    return row.remindersDone.includes(days) ? row : { ...row, remindersDone: [...row.remindersDone, days] };
  }
  return row;
}
