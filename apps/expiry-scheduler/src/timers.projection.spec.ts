import type { RecordedEvent } from '../../../libs/event-store/src/event-store.port.js';
import { evolveTimer, type TimerRow } from './timers.projection.js';

const hours = (matter: string): number => (matter === 'fee.waive' ? 6 : 48);
let position = 0;
const recorded = (type: string, data: Record<string, unknown>, occurredAt = '2030-01-01T00:00:00.000Z'): RecordedEvent => {
  position += 1;
  return { id: `e${position}`, type, streamId: 's', revision: position, position: String(position).padStart(20, '0'), data, metadata: { occurredAt }, recordedAt: occurredAt } as RecordedEvent;
};
const fold = (events: RecordedEvent[]): TimerRow | null => events.reduce<TimerRow | null>((row, event) => evolveTimer(row, event, hours), null);
const applied = recorded('AuthorizationApplied', { authorizationId: 'A1', applicantId: 'E1', matter: 'fee.waive', initialReviewRequired: true });

describe('scheduler timers', () => {
  it('opens a review on application: the reminder is due stageDueHours later', () => {
    expect(fold([applied])).toMatchObject({ key: 'stage:A1', kind: 'approval-reminder', stage: 'review', dueAt: '2030-01-01T06:00:00.000Z', matter: 'fee.waive' });
  });
  it('after the reminder, the escalation is due at twice the due time; after it, nothing', () => {
    const reminded = recorded('ApprovalReminderIssued', { authorizationId: 'A1', stage: 'review', dueAt: '2030-01-01T06:00:00.000Z' });
    expect(fold([applied, reminded])).toMatchObject({ kind: 'approval-escalation', dueAt: '2030-01-01T12:00:00.000Z' });
    expect(fold([applied, reminded, recorded('ApprovalEscalated', { authorizationId: 'A1', stage: 'review' })])?.dueAt).toBeNull();
  });
  it('restarts the clock at the next stage and stops at acknowledgement or an end', () => {
    const reviewed = recorded('InitialReviewPassed', { authorizationId: 'A1', reviewerId: 'S1' }, '2030-01-02T00:00:00.000Z');
    expect(fold([applied, reviewed])).toMatchObject({ stage: 'approval', dueAt: '2030-01-02T06:00:00.000Z' });
    expect(fold([applied, reviewed, recorded('ApplicationWithdrawn', { authorizationId: 'A1' })])?.dueAt).toBeNull();
  });
  it('never escalates an acknowledgement', () => {
    const noticed = recorded('NoticeIssued', { authorizationId: 'A1', noticeNumber: 'N', terms: {} }, '2030-01-03T00:00:00.000Z');
    const reminded = recorded('ApprovalReminderIssued', { authorizationId: 'A1', stage: 'acknowledgement', dueAt: '2030-01-03T06:00:00.000Z' });
    expect(fold([applied, noticed])).toMatchObject({ stage: 'acknowledgement', dueAt: '2030-01-03T06:00:00.000Z' });
    expect(fold([applied, noticed, reminded])?.dueAt).toBeNull();
  });
  it('tracks a stand-in until its earliest open period ends; a withdrawal clears it', () => {
    const appointed = (until: string) => recorded('StandInAppointed', { employeeId: 'S1', standInId: 'S2', from: '2030-01-01T00:00:00Z', until });
    const row = fold([appointed('2030-01-09T00:00:00.000Z'), appointed('2030-01-05T00:00:00.000Z')]);
    expect(row).toMatchObject({ key: 'stand-in:S1:S2', kind: 'stand-in-end', dueAt: '2030-01-05T00:00:00.000Z', subject: 'S1', standInId: 'S2' });
    const ended = recorded('StandInEnded', { employeeId: 'S1', standInId: 'S2', endedAt: '2030-01-05T00:00:00.000Z', cause: 'period-ended' });
    expect(fold([appointed('2030-01-09T00:00:00.000Z'), appointed('2030-01-05T00:00:00.000Z'), ended])?.dueAt).toBe('2030-01-09T00:00:00.000Z');
    expect(fold([appointed('2030-01-09T00:00:00.000Z'), recorded('StandInEnded', { employeeId: 'S1', standInId: 'S2', endedAt: '2030-01-02T00:00:00Z', cause: 'withdrawn' })])?.dueAt).toBeNull();
  });
  it('closes an access review at dueAt, once', () => {
    const started = recorded('AccessReviewStarted', { accessReviewId: 'R1', items: [], dueAt: '2030-02-01T00:00:00.000Z' });
    expect(fold([started])).toMatchObject({ key: 'access-review:R1', kind: 'access-review-close', dueAt: '2030-02-01T00:00:00.000Z' });
    expect(fold([started, recorded('AccessReviewClosed', { accessReviewId: 'R1' })])?.dueAt).toBeNull();
  });
});
