/** Builds RecordedEvents for tests: fixed-width positions, per-stream revisions, full metadata. */
import { randomUUID } from 'node:crypto';
import { withSchemaVersion } from '../../../domain/src/codec/event-codec.js';
import type { DomainEvent, Terms } from '../../../domain/src/events.js';
import { authorizationStream, employeeStream, type Role } from '../../../domain/src/ids.js';
import type { EventStore, Position, RecordedEvent } from '../../../event-store/src/event-store.port.js';

export const position = (n: number): Position => n.toString().padStart(20, '0');

export class EventLog {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, number>();
  private clock = Date.parse('2026-01-01T08:00:00.000Z');

  /** Appends one event; `actor` defaults to the system. */
  add(event: DomainEvent, actorId = 'system:test', at?: string): RecordedEvent {
    const streamId = 'authorizationId' in event.data ? authorizationStream(event.data.authorizationId) : employeeStream(event.data.employeeId);
    return this.addRaw(streamId, event.type, event.data, actorId, at, withSchemaVersion(event.type, {}));
  }

  /** `versioned`: extra metadata (the current schema version, as writers stamp it); raw rows are v1. */
  addRaw(streamId: string, type: string, data: unknown, actorId = 'system:test', at?: string, versioned: object = {}): RecordedEvent {
    this.clock += 60_000;
    const occurredAt = at ?? new Date(this.clock).toISOString();
    const revision = (this.revisions.get(streamId) ?? -1) + 1;
    this.revisions.set(streamId, revision);
    const kind = actorId.startsWith('system:') ? 'system' : actorId.startsWith('svc:') ? 'service' : 'employee';
    const recorded: RecordedEvent = {
      id: randomUUID(),
      type,
      streamId,
      revision,
      position: position(this.events.length + 1),
      data,
      metadata: { occurredAt, actor: { id: actorId, kind }, correlationId: 'c', causationId: 'c', policyVersion: 'v1', ...versioned },
      recordedAt: occurredAt,
    };
    this.events.push(recorded);
    return recorded;
  }

  /** A minimal read-only EventStore over the log (for rebuild tests). */
  asStore(): Pick<EventStore, 'readAll' | 'headPosition'> {
    return {
      readAll: async (options) => {
        const after = options?.after ?? '0';
        const fresh = this.events.filter((e) => e.position > after);
        return fresh.slice(0, options?.limit ?? fresh.length);
      },
      headPosition: async () => this.events[this.events.length - 1]?.position ?? '0',
    };
  }
}

export const register = (log: EventLog, employeeId: string, role: Role, reportsTo: string | null, team: string | null = 'T1'): RecordedEvent =>
  log.add({ type: 'EmployeeRegistered', data: { employeeId, name: `Name ${employeeId}`, role, team, reportsTo, department: 'CS' } }, 'svc:hr');

export const terms = (maxAmount: number, validUntil = '2026-06-01T00:00:00.000Z'): Terms => ({
  matter: 'compensation.issue',
  scope: { maxAmount, channels: ['phone'] },
  validFrom: '2026-01-01T00:00:00.000Z',
  validUntil,
});

/**
 * Appends a whole application up to `until`: E1 (agent, reports to S1) applies, S1 reviews,
 * M1 approves, X1 final-approves (when maxAmount > 2000), M1 issues the notice, E1 acknowledges.
 */
export const applyThrough = (
  log: EventLog,
  id: string,
  until: 'applied' | 'reviewed' | 'approved' | 'final' | 'noticed' | 'acknowledged',
  options: { applicant?: string; reviewer?: string; maxAmount?: number } = {},
): void => {
  const applicant = options.applicant ?? 'E1';
  const reviewer = options.reviewer ?? 'S1';
  const t = terms(options.maxAmount ?? 5000);
  const final = (t.scope.maxAmount ?? 0) > 2000;
  const steps = ['applied', 'reviewed', 'approved', 'final', 'noticed', 'acknowledged'] as const;
  const upTo = steps.indexOf(until);
  log.add(
    { type: 'AuthorizationApplied', data: { ...t, authorizationId: id, applicantId: applicant, applicantRole: 'agent', applicantTeam: 'T1', reason: 'busy season', initialReviewRequired: true, finalApprovalRequired: final } },
    applicant,
  );
  if (upTo >= 1) log.add({ type: 'InitialReviewPassed', data: { authorizationId: id, reviewerId: reviewer, opinion: 'ok' } }, reviewer);
  if (upTo >= 2) log.add({ type: 'ManagerApproved', data: { authorizationId: id, approverId: 'M1', opinion: 'fine', finalApprovalRequired: final } }, 'M1');
  if (upTo >= 3 && final) log.add({ type: 'ExecutiveApproved', data: { authorizationId: id, executiveId: 'X1', opinion: 'yes' } }, 'X1');
  if (upTo >= 4) log.add({ type: 'NoticeIssued', data: { authorizationId: id, noticeNumber: `N-${id}`, issuerId: 'M1', issuedAs: 'manager', copiesTo: ['finance', 'quality'], terms: t } }, 'M1');
  if (upTo >= 5) log.add({ type: 'NoticeAcknowledged', data: { authorizationId: id, employeeId: applicant, noticeNumber: `N-${id}`, acknowledgedAt: '2026-01-02T09:00:00.000Z', terms: t } }, applicant);
};

/** The call center of the tests: E1, E2 agents under S1 (team T1); M1, M2 managers; X1 executive. */
export const seedDirectory = (log: EventLog): void => {
  register(log, 'M1', 'manager', null, null);
  register(log, 'M2', 'manager', null, null);
  register(log, 'X1', 'executive', null, null);
  register(log, 'S1', 'supervisor', 'M1');
  register(log, 'S2', 'supervisor', 'M2', 'T2');
  register(log, 'E1', 'agent', 'S1');
  register(log, 'E2', 'agent', 'S1');
};
