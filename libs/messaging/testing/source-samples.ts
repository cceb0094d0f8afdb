/**
 * A small stored log that makes every notice source publish every type it declares (tests only):
 * the contract suite maps it and validates each message against its schema. A new source adds its
 * stream's events here, under its category.
 */
import type { RecordedEvent } from '../../event-store/src/event-store.port.js';
import type { AuthorizationEvent } from '../../domain/src/events.js';
import { lifeOf, metadata, registered, reportLifeOf, TERMS } from './notice-fixtures.js';

interface Sample {
  readonly streamId: string;
  readonly events: readonly { readonly type: string; readonly data: unknown; readonly metadata?: object }[];
}

const A_REVOKED = '0a000000-0000-4000-8000-000000000001';
const A_COMPLETED = '0a000000-0000-4000-8000-000000000002';
const A_EXPIRED = '0a000000-0000-4000-8000-000000000003';
const REPORT = '0b000000-0000-4000-8000-000000000001';
const REVIEW = '0c000000-0000-4000-8000-000000000001';

const noticed = (id: string): AuthorizationEvent[] => lifeOf(id).slice(0, 4);

/** Streams by the category of the source they feed (`employee` feeds the others' profiles). */
export const SAMPLE_STREAMS: Readonly<Record<string, readonly Sample[]>> = {
  employee: [
    { streamId: 'employee-E1', events: [registered('E1', 'Lin Mei')] },
    { streamId: 'employee-M1', events: [registered('M1', 'Chen Wei', 'manager')] },
  ],
  authorization: [
    { streamId: `authorization-${A_REVOKED}`, events: lifeOf(A_REVOKED) },
    {
      streamId: `authorization-${A_COMPLETED}`,
      events: [
        ...noticed(A_COMPLETED),
        { type: 'ExpiryReminderIssued', data: { authorizationId: A_COMPLETED, daysAhead: 7, validUntil: TERMS.validUntil }, metadata: metadata('2026-02-22T00:00:00.000Z', 'system') },
        { type: 'AuthorizationCompleted', data: { authorizationId: A_COMPLETED, completedBy: 'E1', note: null, completedAt: '2026-02-23T00:00:00.000Z' }, metadata: metadata('2026-02-23T00:00:00.000Z', 'E1') },
      ],
    },
    {
      streamId: `authorization-${A_EXPIRED}`,
      events: [
        ...noticed(A_EXPIRED),
        { type: 'AuthorizationExpired', data: { authorizationId: A_EXPIRED, validUntil: TERMS.validUntil, expiredAt: TERMS.validUntil, previousStatus: 'active' }, metadata: metadata(TERMS.validUntil, 'system') },
      ],
    },
  ],
  report: [{ streamId: `report-${REPORT}`, events: reportLifeOf(REPORT, 'E1', A_REVOKED) }],
  'access-review': [
    {
      streamId: `access-review-${REVIEW}`,
      events: [
        {
          type: 'AccessReviewStarted',
          data: {
            accessReviewId: REVIEW, title: '2026 Q1 review', team: 'T1', matters: null, dueAt: '2026-03-31T00:00:00.000Z', defaultDecision: 'revoke',
            startedBy: 'M1', startedAt: '2026-03-01T00:00:00.000Z',
            items: [
              { authorizationId: A_COMPLETED, employeeId: 'E1', matter: TERMS.matter, reviewerId: 'M1' },
              { authorizationId: A_EXPIRED, employeeId: 'E1', matter: TERMS.matter, reviewerId: 'M1' },
            ],
          },
          metadata: metadata('2026-03-01T00:00:00.000Z', 'M1'),
        },
        {
          type: 'AccessReviewItemDecided',
          data: { accessReviewId: REVIEW, authorizationId: A_COMPLETED, decision: 'keep', note: '', decidedBy: 'M1', decidedAt: '2026-03-02T00:00:00.000Z' },
          metadata: metadata('2026-03-02T00:00:00.000Z', 'M1'),
        },
        {
          type: 'AccessReviewItemDefaulted',
          data: { accessReviewId: REVIEW, authorizationId: A_EXPIRED, decision: 'revoke', defaultedAt: '2026-03-31T00:00:00.000Z' },
          metadata: metadata('2026-03-31T00:00:00.000Z', 'system'),
        },
        {
          type: 'AccessReviewClosed',
          data: {
            accessReviewId: REVIEW, title: '2026 Q1 review', closedAt: '2026-03-31T00:00:00.000Z',
            counts: { kept: 1, revoked: 0, unreviewed: 0, revokedByDefault: 1 },
            outcomes: [
              { authorizationId: A_COMPLETED, employeeId: 'E1', matter: TERMS.matter, outcome: 'kept' },
              { authorizationId: A_EXPIRED, employeeId: 'E1', matter: TERMS.matter, outcome: 'revoked-by-default' },
            ],
          },
          metadata: metadata('2026-03-31T00:00:00.000Z', 'system'),
        },
      ],
    },
  ],
  assessment: [
    {
      streamId: 'assessment-E1-2026-Q1',
      events: [
        {
          type: 'AssessmentRecorded',
          data: { employeeId: 'E1', period: '2026-Q1', teamworkScore: 2, result: 'unsatisfactory', consequences: ['warning', 'fine', 'training'], notes: 'private notes', assessorId: 'M1' },
          metadata: metadata('2026-04-01T00:00:00.000Z', 'M1'),
        },
      ],
    },
    {
      // Only consequences that act inside the service: no message for HR.
      streamId: 'assessment-E1-2026-Q2',
      events: [
        {
          type: 'AssessmentRecorded',
          data: { employeeId: 'E1', period: '2026-Q2', teamworkScore: 4, result: 'satisfactory', consequences: ['training'], notes: '', assessorId: 'M1' },
          metadata: metadata('2026-07-01T00:00:00.000Z', 'M1'),
        },
      ],
    },
  ],
  'audit-anchors': [
    {
      streamId: 'audit-anchors',
      events: [
        {
          type: 'AuditAnchored',
          data: { position: '00000000000000000042', count: 42, hash: 'ab'.repeat(32), at: '2026-04-01T00:10:00.000Z', keyId: 'kid-thumbprint', signature: 'c2lnbmF0dXJl' },
          metadata: metadata('2026-04-01T00:10:00.000Z', 'system:audit-anchor'),
        },
      ],
    },
  ],
};

/** The samples as one stored log: employees first, then the other streams, each in revision order. */
export function sampleLog(): RecordedEvent[] {
  const log: RecordedEvent[] = [];
  const ordered = [...(SAMPLE_STREAMS['employee'] ?? []), ...Object.entries(SAMPLE_STREAMS).filter(([category]) => category !== 'employee').flatMap(([, samples]) => samples)];
  for (const { streamId, events } of ordered) {
    events.forEach((event, revision) => {
      const n = log.length + 1;
      log.push({
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        type: event.type,
        streamId,
        revision,
        position: String(n).padStart(20, '0'),
        data: event.data,
        metadata: { ...(event.metadata ?? {}) },
        recordedAt: '2026-03-01T00:00:00.000Z',
      });
    });
  }
  return log;
}
