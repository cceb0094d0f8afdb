/** `access-review-{id}`: a periodic access review's results when it closes, for compliance (SPEC §11). */
import type { RecordedEvent } from '../../../event-store/src/event-store.port.js';
import { accessReviewEvents } from '../../../domain/src/codec/event-codec.js';
import { COMPLIANCE_DEPARTMENTS, NoticeTypes, type AccessReviewClosedData } from '../../../contracts/src/index.js';
import type { NoticeSource } from '../notice-source.js';
import { cloudEventHeaders, NoticeMappingError } from '../to-notice-message.js';

/** What the closing message repeats of the campaign's start. */
export interface AccessReviewContext {
  readonly accessReviewId: string;
  readonly team: string | null;
  readonly matters: readonly string[] | null;
  readonly dueAt: string;
  readonly defaultDecision: 'keep' | 'revoke';
  readonly startedBy: string;
}

export function evolveAccessReviewContext(context: AccessReviewContext | null, stored: RecordedEvent): AccessReviewContext | null {
  const event = accessReviewEvents.decode(stored);
  if (event?.type !== 'AccessReviewStarted') return context;
  const { accessReviewId, team, matters, dueAt, defaultDecision, startedBy } = event.data;
  return { accessReviewId, team, matters, dueAt, defaultDecision, startedBy };
}

export const accessReviewSource: NoticeSource<AccessReviewContext | null> = {
  category: 'access-review',
  types: [NoticeTypes.accessReviewClosed],
  publishes: (type) => type === 'AccessReviewClosed',
  initial: null,
  evolve: evolveAccessReviewContext,
  map(event, review, lookups) {
    const closed = accessReviewEvents.decode(event);
    if (closed?.type !== 'AccessReviewClosed') throw new NoticeMappingError(event.id, `${event.type} not readable by this version`);
    if (review === null || review.accessReviewId !== closed.data.accessReviewId) {
      throw new NoticeMappingError(event.id, `${event.type} in ${event.streamId}, which has no AccessReviewStarted of ${closed.data.accessReviewId}`);
    }
    const { title, closedAt, counts, outcomes } = closed.data;
    const data: AccessReviewClosedData = {
      ...review,
      matters: review.matters === null ? null : [...review.matters],
      title,
      closedAt,
      counts: { kept: counts.kept, revoked: counts.revoked, unreviewed: counts.unreviewed, revokedByDefault: counts.revokedByDefault },
      outcomes: outcomes.map(({ authorizationId, employeeId, matter, outcome }) => ({ authorizationId, employeeId, matter, outcome })),
    };
    return Promise.resolve({
      key: review.accessReviewId,
      value: JSON.stringify(data),
      headers: cloudEventHeaders(event, { type: NoticeTypes.accessReviewClosed, subject: review.accessReviewId, departments: COMPLIANCE_DEPARTMENTS, source: lookups.source }),
    });
  },
};
