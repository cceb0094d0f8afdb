import { type DueRow, dueAuthorizationId, evolveDue } from './due-dates.projection.js';

const applied = { type: 'AuthorizationApplied', data: { authorizationId: 'A1', validUntil: '2030-01-31T00:00:00.000Z', matter: 'fee.waive' } };
const acknowledged = (validUntil: string, changeId?: string) => ({
  type: 'NoticeAcknowledged',
  data: { authorizationId: 'A1', ...(changeId ? { changeId } : {}), terms: { validUntil } },
});
const fold = (events: { type: string; data: unknown }[]): DueRow | null => events.reduce<DueRow | null>(evolveDue, null);

describe('due-date projection', () => {
  it('tracks an application as open with its validUntil', () => {
    expect(fold([applied])).toEqual({ authorizationId: 'A1', validUntil: '2030-01-31T00:00:00.000Z', status: 'open', remindersDone: [] });
  });

  it('becomes active on acknowledgement and records reminders for the current validUntil', () => {
    const row = fold([applied, acknowledged('2030-01-31T00:00:00Z'), { type: 'ExpiryReminderIssued', data: { authorizationId: 'A1', daysAhead: 7, validUntil: '2030-01-31T00:00:00.000Z' } }]);
    expect(row).toMatchObject({ status: 'active', remindersDone: [7] });
  });

  it('forgets reminders when an acknowledged change moves validUntil', () => {
    const row = fold([
      applied,
      acknowledged('2030-01-31T00:00:00.000Z'),
      { type: 'ExpiryReminderIssued', data: { authorizationId: 'A1', daysAhead: 7, validUntil: '2030-01-31T00:00:00.000Z' } },
      acknowledged('2030-03-01T00:00:00.000Z', 'C1'),
    ]);
    expect(row).toMatchObject({ status: 'active', validUntil: '2030-03-01T00:00:00.000Z', remindersDone: [] });
  });

  it('ends on a terminal event and on the rejection of the application, not of a change', () => {
    expect(fold([applied, { type: 'ManagerRejected', data: { authorizationId: 'A1' } }])?.status).toBe('ended');
    expect(fold([applied, acknowledged('2030-01-31T00:00:00.000Z'), { type: 'ManagerRejected', data: { authorizationId: 'A1', changeId: 'C1' } }])?.status).toBe('active');
    expect(fold([applied, { type: 'AuthorizationRevoked', data: { authorizationId: 'A1' } }, acknowledged('2030-05-01T00:00:00.000Z')])?.status).toBe('ended');
  });

  it('ignores events it does not schedule on', () => {
    expect(dueAuthorizationId({ type: 'EmployeeLeft', data: { employeeId: 'E1' } })).toBeUndefined();
    expect(dueAuthorizationId({ type: 'InitialReviewPassed', data: { authorizationId: 'A1' } })).toBeUndefined();
    expect(dueAuthorizationId(applied)).toBe('A1');
  });
});
