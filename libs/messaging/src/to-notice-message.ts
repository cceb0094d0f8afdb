/**
 * Pure mapping of a stored event to its Kafka notice (SPEC §8): CloudEvents 1.0 binary mode,
 * keyed by authorization id. No I/O, no clock: the same event and context always give the same
 * message, so a replay after a crash publishes byte-identical duplicates that consumers drop by `ce_id`.
 */
import type { RecordedEvent } from '../../event-store/src/event-store.port.js';
import { authorizationEvents } from '../../domain/src/codec/event-codec.js';
import { unionOfCopies } from '../../domain/src/authorization/copies.js';
import type { AuthorizationEvent, Terms } from '../../domain/src/events.js';
import {
  NOTICE_SOURCE,
  NoticeHeaders,
  NoticeTypes,
  type NoticeCommonData,
  type NoticeData,
  type NoticeType,
} from '../../contracts/src/index.js';
import type { NoticeMappingContext, NoticeSummary } from './notice-context.js';
import type { NoticeMessage } from './notice-publisher.port.js';

/** The stored history does not allow a notice to be written (a bug or a corrupted stream): never skipped. */
export class NoticeMappingError extends Error {
  override readonly name = 'NoticeMappingError';
  constructor(
    readonly eventId: string,
    message: string,
  ) {
    super(`event ${eventId}: ${message}`);
  }
}

const NOTICE_EVENT_TYPES = new Set<string>([
  'NoticeIssued',
  'NoticeAcknowledged',
  'AuthorizationRevoked',
  'ExpiryReminderIssued',
  'AuthorizationExpired',
  'AuthorizationCompleted',
]);

/** Whether events of this type may produce a notice (cheap pre-filter for the relay). */
export const isNoticeEventType = (type: string): boolean => NOTICE_EVENT_TYPES.has(type);

/** Through the domain's codec (upcast on read); a notice-worthy type it cannot read is a mapping error. */
const asAuthorizationEvent = (event: RecordedEvent): AuthorizationEvent => {
  const decoded = authorizationEvents.decode(event);
  if (decoded === null || typeof decoded.data.authorizationId !== 'string') {
    throw new NoticeMappingError(event.id, `${event.type} without an authorizationId (or not readable by this version)`);
  }
  return decoded;
};

/**
 * The notice a message about `event` refers to: the event's own for NoticeIssued, the latest issued
 * for an acknowledgement, otherwise the one in force (or, before any acknowledgement, the latest).
 */
export function noticeReferencedBy(event: RecordedEvent, context: Pick<NoticeMappingContext, 'authorization'>): NoticeSummary | null {
  if (!isNoticeEventType(event.type)) return null;
  const domainEvent = asAuthorizationEvent(event);
  if (domainEvent.type === 'NoticeIssued') {
    const { noticeNumber, issuerId, issuedAs, copiesTo, terms, changeId } = domainEvent.data;
    return { noticeNumber, issuerId, issuedAs, copiesTo, terms, ...(changeId === undefined ? {} : { changeId }) };
  }
  const { lastNotice, noticeInForce } = context.authorization;
  return domainEvent.type === 'NoticeAcknowledged' ? lastNotice : (noticeInForce ?? lastNotice);
}

const common = (
  context: NoticeMappingContext,
  notice: NoticeSummary,
  terms: Terms,
  changeId: string | undefined,
  copiesTo: readonly string[],
): NoticeCommonData => ({
  authorizationId: context.authorization.authorizationId,
  noticeNumber: notice.noticeNumber,
  employee: { id: context.employee.id, name: context.employee.name, role: context.employee.role, team: context.employee.team },
  matter: { id: terms.matter, names: context.matterNames ?? null },
  scope: {
    ...(terms.scope.maxAmount === undefined ? {} : { maxAmount: terms.scope.maxAmount }),
    ...(terms.scope.channels === undefined ? {} : { channels: [...terms.scope.channels] }),
  },
  validity: { validFrom: terms.validFrom, validUntil: terms.validUntil },
  issuer: { id: notice.issuerId, name: context.issuerName ?? null, issuedAs: notice.issuedAs },
  copiesTo: [...copiesTo],
  ...(changeId === undefined ? {} : { changeId }),
});

/**
 * Maps a stored event to its notice, or null for an event that produces none (every event type
 * other than the six notice facts, and the expiry of an application that was never notified).
 * Throws NoticeMappingError when the history contradicts itself (e.g. an acknowledgement without a notice).
 */
export function toNoticeMessage(event: RecordedEvent, context: NoticeMappingContext): NoticeMessage | null {
  if (!isNoticeEventType(event.type)) return null;
  const domainEvent = asAuthorizationEvent(event);
  if (domainEvent.data.authorizationId !== context.authorization.authorizationId) {
    throw new NoticeMappingError(event.id, `context is of authorization ${context.authorization.authorizationId}, event of ${domainEvent.data.authorizationId}`);
  }
  const notice = noticeReferencedBy(event, context);
  if (notice === null) {
    if (domainEvent.type === 'AuthorizationExpired') return null;
    throw new NoticeMappingError(event.id, `${event.type} of authorization ${domainEvent.data.authorizationId}, which has no notice`);
  }
  // The union of every notice so far, this one included: a department once copied hears the rest (SPEC §12).
  const copiesTo = unionOfCopies(context.authorization.copiedTo, domainEvent.type === 'NoticeIssued' ? notice.copiesTo : []);
  let type: NoticeType;
  let data: NoticeData;
  switch (domainEvent.type) {
    case 'NoticeIssued':
      type = NoticeTypes.issued;
      data = { ...common(context, notice, notice.terms, notice.changeId, copiesTo), issuedAt: occurredAt(event) };
      break;
    case 'NoticeAcknowledged':
      type = NoticeTypes.acknowledged;
      data = { ...common(context, notice, domainEvent.data.terms, domainEvent.data.changeId, copiesTo), acknowledgedAt: domainEvent.data.acknowledgedAt };
      break;
    case 'AuthorizationRevoked': {
      const { revokedAt, revokedBy, reason, cause } = domainEvent.data;
      type = NoticeTypes.revoked;
      data = { ...common(context, notice, notice.terms, undefined, copiesTo), revokedAt, revokedBy, reason, cause };
      break;
    }
    case 'ExpiryReminderIssued':
      type = NoticeTypes.expiring;
      data = { ...common(context, notice, notice.terms, undefined, copiesTo), daysAhead: domainEvent.data.daysAhead };
      break;
    case 'AuthorizationExpired':
      type = NoticeTypes.expired;
      data = { ...common(context, notice, notice.terms, undefined, copiesTo), expiredAt: domainEvent.data.expiredAt };
      break;
    case 'AuthorizationCompleted': {
      const { completedAt, completedBy, note } = domainEvent.data;
      type = NoticeTypes.completed;
      data = { ...common(context, notice, notice.terms, undefined, copiesTo), completedAt, completedBy, note };
      break;
    }
    default:
      return null;
  }
  return {
    key: context.authorization.authorizationId,
    value: JSON.stringify(data),
    headers: cloudEventHeaders(event, { type, subject: context.authorization.authorizationId, departments: copiesTo, source: context.source }),
  };
}

/** When the fact happened: the event's `occurredAt`, else when it was stored. */
export const occurredAt = (event: RecordedEvent): string => {
  const value = event.metadata['occurredAt'];
  return typeof value === 'string' ? value : event.recordedAt;
};

/** CloudEvents 1.0 binary-mode headers (SPEC §8), the same for every notice type. */
export const cloudEventHeaders = (
  event: RecordedEvent,
  attributes: { readonly type: NoticeType; readonly subject: string; readonly departments: readonly string[]; readonly source?: string | undefined },
): Readonly<Record<string, string>> => ({
  [NoticeHeaders.specversion]: '1.0',
  [NoticeHeaders.id]: event.id,
  [NoticeHeaders.source]: attributes.source ?? NOTICE_SOURCE,
  [NoticeHeaders.type]: attributes.type,
  [NoticeHeaders.time]: occurredAt(event),
  [NoticeHeaders.subject]: attributes.subject,
  [NoticeHeaders.departments]: attributes.departments.join(','),
  [NoticeHeaders.contentType]: 'application/json',
});
