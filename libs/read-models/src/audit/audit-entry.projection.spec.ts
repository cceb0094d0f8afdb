import { applyThrough, EventLog, register } from '../testing/event-log.js';
import { auditEntryOf, isAuditEntry } from './audit-entry.projection.js';

describe('audit entry projection', () => {
  it('keeps the whole event and indexes it by authorization and applicant', () => {
    const log = new EventLog();
    applyThrough(log, 'A1', 'reviewed');
    const review = log.events[1];
    if (review === undefined) throw new Error('missing');
    const indexed = auditEntryOf(review, (id) => (id === 'A1' ? 'E1' : null));
    expect(indexed).toEqual({
      authorizationId: 'A1',
      employeeId: 'E1',
      entry: { position: review.position, eventId: review.id, type: 'InitialReviewPassed', streamId: 'authorization-A1', revision: 1, occurredAt: review.metadata['occurredAt'], actor: { id: 'S1', kind: 'employee' }, data: review.data, metadata: review.metadata },
    });
  });

  it('indexes an employee event by the employee and an unknown stream by its subject', () => {
    const log = new EventLog();
    const registered = register(log, 'E1', 'agent', 'S1');
    expect(auditEntryOf(registered, () => null)).toMatchObject({ authorizationId: null, employeeId: 'E1', entry: { actor: { id: 'svc:hr', kind: 'service' } } });
    const report = log.addRaw('report-R1', 'ViolationReported', { reportId: 'R1', subjectEmployeeId: 'E2' });
    expect(auditEntryOf(report, () => null)).toMatchObject({ authorizationId: null, employeeId: 'E2', entry: { type: 'ViolationReported', actor: { kind: 'system' } } });
  });

  it('leaves the signed anchors out of the trail: they are statements about it, not entries', () => {
    const log = new EventLog();
    const registered = register(log, 'E1', 'agent', 'S1');
    const anchor = log.addRaw('audit-anchors', 'AuditAnchored', { position: registered.position, count: 1, hash: '0'.repeat(64), at: '2026-12-01T00:00:00.000Z', keyId: 'k', signature: 's' });
    expect([isAuditEntry(registered), isAuditEntry(anchor)]).toEqual([true, false]);
  });
});
