/**
 * SPEC §12 Copies, as a property of the authorization source: whatever the sequence of notices
 * (the application's, then changes, each with its own copy list), every message after the first
 * notice goes to every department any earlier notice was copied to, and `data.copiesTo` says the same.
 */
import fc from 'fast-check';
import type { RecordedEvent } from '../../../event-store/src/event-store.port.js';
import { lifeOf, metadata, registered, TERMS } from '../../testing/notice-fixtures.js';
import { NoticeMapper } from '../notice-mapper.js';
import { NOTICE_SOURCES } from '../notice-sources.js';

const A = '0d000000-0000-4000-8000-000000000001';
const DEPARTMENTS = ['finance', 'quality', 'legal', 'it-security', 'compliance'] as const;

type Step = { readonly kind: 'change'; readonly copiesTo: readonly string[] } | { readonly kind: 'remind' };

function history(first: readonly string[], steps: readonly Step[], end: 'revoked' | 'completed'): { type: string; data: unknown; metadata: object }[] {
  const [applied, approved, issued, acknowledged] = lifeOf(A, 'E1', first);
  const events: { type: string; data: unknown; metadata: object }[] = [applied!, approved!, issued!, acknowledged!].map((e) => ({ ...e, metadata: e.metadata ?? {} }));
  steps.forEach((step, i) => {
    const at = metadata(`2026-01-${String(2 + i).padStart(2, '0')}T00:00:00.000Z`);
    if (step.kind === 'remind') {
      events.push({ type: 'ExpiryReminderIssued', data: { authorizationId: A, daysAhead: 7, validUntil: TERMS.validUntil }, metadata: at });
      return;
    }
    const changeId = `C${i}`;
    const terms = { ...TERMS, scope: { maxAmount: 900 + i } };
    events.push(
      { type: 'ChangeApplied', data: { authorizationId: A, changeId, requestedBy: 'E1', terms, reason: 'more', initialReviewRequired: false, finalApprovalRequired: false }, metadata: at },
      { type: 'ManagerApproved', data: { authorizationId: A, changeId, approverId: 'M2', opinion: '', finalApprovalRequired: false }, metadata: at },
      { type: 'NoticeIssued', data: { authorizationId: A, changeId, noticeNumber: `N-${i}`, issuerId: 'M1', issuedAs: 'manager', copiesTo: step.copiesTo, terms }, metadata: at },
      { type: 'NoticeAcknowledged', data: { authorizationId: A, changeId, employeeId: 'E1', noticeNumber: `N-${i}`, acknowledgedAt: at.occurredAt, terms }, metadata: at },
    );
  });
  events.push(
    end === 'revoked'
      ? { type: 'AuthorizationRevoked', data: { authorizationId: A, revokedBy: 'M1', reason: 'r', cause: 'manual', revokedAt: '2026-02-01T00:00:00.000Z' }, metadata: metadata('2026-02-01T00:00:00.000Z') }
      : { type: 'AuthorizationCompleted', data: { authorizationId: A, completedBy: 'E1', note: null, completedAt: '2026-02-01T00:00:00.000Z' }, metadata: metadata('2026-02-01T00:00:00.000Z') },
  );
  return events;
}

function stored(events: readonly { type: string; data: unknown; metadata: object }[]): RecordedEvent[] {
  const people = [registered('E1', 'Lin Mei'), registered('M1', 'Chen Wei', 'manager')];
  const log = [...people.map((e) => ({ streamId: `employee-${(e.data as { employeeId: string }).employeeId}`, event: e })), ...events.map((event) => ({ streamId: `authorization-${A}`, event }))];
  const revisions = new Map<string, number>();
  return log.map(({ streamId, event }, n) => {
    const revision = revisions.get(streamId) ?? 0;
    revisions.set(streamId, revision + 1);
    return { id: `00000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`, type: event.type, streamId, revision, position: String(n + 1).padStart(20, '0'), data: event.data, metadata: { ...(event.metadata ?? {}) }, recordedAt: '2026-03-01T00:00:00.000Z' };
  });
}

const copies = fc.uniqueArray(fc.constantFrom(...DEPARTMENTS), { maxLength: DEPARTMENTS.length });
const step: fc.Arbitrary<Step> = fc.oneof(copies.map((copiesTo) => ({ kind: 'change' as const, copiesTo })), fc.constant({ kind: 'remind' as const }));

describe('the authorization source and copies (SPEC §12)', () => {
  it('sends every message after the first notice to every department ever copied, in ce_departments and data.copiesTo', async () => {
    await fc.assert(
      fc.asyncProperty(copies, fc.array(step, { maxLength: 5 }), fc.constantFrom('revoked' as const, 'completed' as const), async (first, steps, end) => {
        const log = stored(history(first, steps, end));
        const reader = { readStream: (streamId: string) => Promise.resolve(log.filter((e) => e.streamId === streamId)) };
        const mapper = new NoticeMapper(reader, NOTICE_SOURCES);
        const everCopied = new Set<string>();
        for (const event of log) {
          if (event.type === 'NoticeIssued') for (const department of (event.data as { copiesTo: string[] }).copiesTo) everCopied.add(department);
          const message = await mapper.map(event);
          if (message === null) continue;
          const departments = message.headers['ce_departments'] === '' ? [] : message.headers['ce_departments']!.split(',');
          expect(new Set(departments)).toEqual(everCopied);
          expect(departments).toHaveLength(everCopied.size);
          expect((JSON.parse(message.value) as { copiesTo: string[] }).copiesTo).toEqual(departments);
        }
      }),
      { numRuns: 150 },
    );
  });
});
