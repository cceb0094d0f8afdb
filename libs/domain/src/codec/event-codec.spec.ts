import {
  authorizationEvents,
  currentSchemaVersion,
  decodeDomainEvent,
  decodeEvent,
  decodeSupervisionEvent,
  employeeEvents,
  employeeLeftV1ToV2,
  reportEvents,
  withSchemaVersion,
} from './event-codec.js';
import { employeeDecider } from '../employee/employee.decider.js';

const meta = { occurredAt: '2026-02-01T00:00:00.000Z', actor: { id: 'svc:hr', kind: 'service' }, correlationId: 'c', causationId: 'c', policyVersion: 'p' };

describe('the event codec', () => {
  describe('when the type is known at its current version', () => {
    it('decodes to the domain event with its metadata', () => {
      const stored = { type: 'InitialReviewPassed', data: { authorizationId: 'A1', reviewerId: 'S1', opinion: 'ok' }, metadata: meta };
      expect(decodeEvent(stored)).toEqual(stored);
      expect(authorizationEvents.decode(stored)).toEqual(stored);
      expect(decodeDomainEvent(stored)).toEqual(stored);
    });

    it('hands back the stored object itself when nothing was upcast (no copy per event)', () => {
      const recorded = { id: 'e1', position: '1', type: 'ManagerRejected', data: { authorizationId: 'A1', approverId: 'M1', opinion: 'no' }, metadata: meta };
      expect(decodeEvent(recorded)).toBe(recorded);
    });

    it('decodes a supervision event', () => {
      const stored = { type: 'InvestigationStarted', data: { reportId: 'R1', investigatorId: 'S1' } };
      expect(decodeSupervisionEvent(stored)).toEqual(stored);
      expect(reportEvents.decode(stored)).toEqual(stored);
      expect(decodeDomainEvent(stored)).toBeNull();
    });
  });

  describe('when it cannot read the event', () => {
    it.each([
      ['an unknown type (a newer writer)', { type: 'AuthorizationSuspended', data: { authorizationId: 'A1' } }],
      ['data that is not an object', { type: 'ManagerApproved', data: 'A1' }],
      ['data that is an array', { type: 'ManagerApproved', data: ['A1'] }],
      ['data without a required field', { type: 'ManagerApproved', data: { approverId: 'M1' } }],
      ['a newer schema version', { type: 'EmployeeLeft', data: { employeeId: 'E1', leftAt: 'x' }, metadata: { schemaVersion: 3 } }],
      ['a malformed schema version', { type: 'ManagerApproved', data: { authorizationId: 'A1' }, metadata: { schemaVersion: '1' } }],
    ])('answers null for %s', (_what, stored) => {
      expect(decodeEvent(stored)).toBeNull();
    });

    it('answers null for a type of another stream category', () => {
      const stored = { type: 'EmployeeRegistered', data: { employeeId: 'E1', role: 'agent' } };
      expect(employeeEvents.decode(stored)).not.toBeNull();
      expect(authorizationEvents.decode(stored)).toBeNull();
      expect(reportEvents.decode(stored)).toBeNull();
    });
  });

  describe('when EmployeeLeft was stored as v1', () => {
    const v1 = { type: 'EmployeeLeft', data: { employeeId: 'E1', reason: 'resigned', at: '2026-02-01T00:00:00.000Z' }, metadata: meta };

    it('upcasts it on read to v2 (leftAt), leaving the stored object as it was', () => {
      const before = structuredClone(v1);
      expect(decodeEvent(v1)).toEqual({ type: 'EmployeeLeft', data: { employeeId: 'E1', reason: 'resigned', leftAt: '2026-02-01T00:00:00.000Z' }, metadata: meta });
      expect(v1).toEqual(before);
    });

    it('upcasts it without metadata too (absent schemaVersion is 1)', () => {
      expect(employeeEvents.decode({ type: v1.type, data: v1.data })?.data).toEqual({ employeeId: 'E1', reason: 'resigned', leftAt: '2026-02-01T00:00:00.000Z' });
    });

    it('reads a stored v2 as it is', () => {
      const v2 = { type: 'EmployeeLeft', data: { employeeId: 'E1', reason: null, leftAt: '2026-02-01T00:00:00.000Z' }, metadata: { ...meta, schemaVersion: 2 } };
      expect(decodeEvent(v2)).toEqual(v2);
    });

    it('renames only `at`', () => {
      expect(employeeLeftV1ToV2({ employeeId: 'E1', reason: null, at: 't' })).toEqual({ employeeId: 'E1', reason: null, leftAt: 't' });
    });
  });

  describe('when writing', () => {
    it('stamps the schema version of types above v1 only', () => {
      expect(currentSchemaVersion('EmployeeLeft')).toBe(2);
      expect(currentSchemaVersion('EmployeeRegistered')).toBe(1);
      expect(withSchemaVersion('EmployeeLeft', meta)).toEqual({ ...meta, schemaVersion: 2 });
      expect(withSchemaVersion('NoticeIssued', meta)).toBe(meta);
    });

    it('the employee decider writes the v2 shape its codec reads back', () => {
      const registered = { type: 'EmployeeRegistered' as const, data: { employeeId: 'E1', name: 'Ada', role: 'agent' as const, team: 'A', reportsTo: 'S1', department: 'CS' } };
      const [left] = employeeDecider.decide({ type: 'RecordDeparture', data: { employeeId: 'E1', reason: null, now: '2026-02-01T00:00:00.000Z' } }, employeeDecider.evolve(employeeDecider.initialState(), registered));
      expect(left).toEqual({ type: 'EmployeeLeft', data: { employeeId: 'E1', reason: null, leftAt: '2026-02-01T00:00:00.000Z' } });
      expect(left && employeeDecider.codec.schemaVersion(left)).toBe(2);
      expect(left && employeeDecider.codec.decode({ ...left, metadata: withSchemaVersion(left.type, meta) })).toEqual({ ...left, metadata: { ...meta, schemaVersion: 2 } });
    });
  });
});
