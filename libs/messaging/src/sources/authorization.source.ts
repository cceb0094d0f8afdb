/**
 * `authorization-{id}`: notices, acknowledgements, revocations, expiry reminders, expiries and
 * completions (SPEC §8), to the union of every department ever copied (SPEC §12).
 */
import type { RecordedEvent } from '../../../event-store/src/event-store.port.js';
import { authorizationEvents } from '../../../domain/src/codec/event-codec.js';
import { unionOfCopies } from '../../../domain/src/authorization/copies.js';
import { NoticeTypes } from '../../../contracts/src/index.js';
import type { NoticeAuthorizationContext, NoticeSummary } from '../notice-context.js';
import type { NoticeSource } from '../notice-source.js';
import { isNoticeEventType, noticeReferencedBy, NoticeMappingError, toNoticeMessage } from '../to-notice-message.js';

/**
 * Folds one stored event into the context (null before the application). Deliberately not the
 * domain's decider state: the relay must keep working across domain refactorings as long as the
 * stored events (a public contract) stay the same; read through the domain's codec (every version, upcast).
 */
export function evolveAuthorizationContext(context: NoticeAuthorizationContext | null, stored: RecordedEvent): NoticeAuthorizationContext | null {
  const event = authorizationEvents.decode(stored);
  if (event === null) return context;
  switch (event.type) {
    case 'AuthorizationApplied':
      return { authorizationId: event.data.authorizationId, employeeId: event.data.applicantId, lastNotice: null, noticeInForce: null, copiedTo: [] };
    case 'NoticeIssued': {
      if (context === null) return null;
      const { noticeNumber, issuerId, issuedAs, copiesTo, terms, changeId } = event.data;
      const notice: NoticeSummary = { noticeNumber, issuerId, issuedAs, copiesTo, terms, ...(changeId === undefined ? {} : { changeId }) };
      return { ...context, lastNotice: notice, copiedTo: unionOfCopies(context.copiedTo, copiesTo) };
    }
    case 'NoticeAcknowledged':
      if (context === null || context.lastNotice === null) return context;
      return { ...context, noticeInForce: { ...context.lastNotice, terms: event.data.terms } };
    default:
      return context;
  }
}

export const authorizationSource: NoticeSource<NoticeAuthorizationContext | null> = {
  category: 'authorization',
  types: [NoticeTypes.issued, NoticeTypes.acknowledged, NoticeTypes.revoked, NoticeTypes.expiring, NoticeTypes.expired, NoticeTypes.completed],
  publishes: isNoticeEventType,
  initial: null,
  evolve: evolveAuthorizationContext,
  async map(event, authorization, lookups) {
    if (authorization === null) throw new NoticeMappingError(event.id, `${event.type} in ${event.streamId}, which has no AuthorizationApplied`);
    const employee = await lookups.employeeAt(authorization.employeeId, event);
    if (!employee) throw new NoticeMappingError(event.id, `employee ${authorization.employeeId} is not in the directory`);
    const notice = noticeReferencedBy(event, { authorization });
    const issuer = notice ? await lookups.employeeAt(notice.issuerId, event) : null;
    const matter = notice?.terms.matter;
    return toNoticeMessage(event, {
      authorization,
      employee,
      issuerName: issuer?.name ?? null,
      matterNames: matter ? lookups.matterNames(matter) : null,
      ...(lookups.source ? { source: lookups.source } : {}),
    });
  },
};
