/**
 * Small local builders of stored events for the permission index specs: the events' shapes of
 * libs/domain/src/events.ts, positioned like a global log, with instants given in epoch ms.
 */
import type { Scope, Terms } from '../../../../domain/src/events.js';
import type { Role } from '../../../../domain/src/ids.js';
import type { IndexableEvent, PermissionIndexPolicy } from '../permission-index.js';

export const T0 = Date.parse('2025-03-01T00:00:00.000Z');
/** T0 plus n hours. */
export const h = (n: number): number => T0 + n * 3_600_000;
export const iso = (ms: number): string => new Date(ms).toISOString();

const agent = ['inquiry.answer', 'complaint.general.handle', 'order.process', 'customer.info.modify'];
const supervisor = [...agent, 'team.schedule.adjust', 'complaint.plan.review', 'team.performance.report'];
const manager = [...supervisor, 'resources.allocate', 'staff.evaluate', 'complaint.plan.approve', 'business.decision.major', 'authorization.notice.issue'];
const baselines: Record<Role, readonly string[]> = {
  agent,
  tech_support: ['system.maintain', 'system.incident.resolve', 'training.deliver'],
  supervisor,
  manager,
  executive: [],
  compliance: [],
};
const matters = ['compensation.issue', 'fee.waive', 'customer.data.export', 'system.production.access'];
export const POLICY: PermissionIndexPolicy = {
  baselines,
  authorities: Object.fromEntries([...manager, ...baselines.tech_support, ...matters].map((id) => [id, { names: { 'zh-Hant': id, en: id } }])),
};

export interface GrantSpec {
  readonly id: string;
  readonly employeeId: string;
  readonly matter?: string;
  readonly scope?: Scope;
  readonly validFrom: number;
  readonly validUntil: number;
  readonly appliedAt?: number;
  /** When the notice is issued (status pending_acknowledgement); omitted: no notice yet. */
  readonly noticeAt?: number;
  /** When the applicant acknowledges; omitted: not acknowledged. */
  readonly ackAt?: number;
}

/** An append-only log: every builder appends one event with the next fixed-width position. */
export class Log {
  readonly events: IndexableEvent[] = [];

  push(type: string, data: Record<string, unknown>, occurredAt: number): IndexableEvent {
    const event: IndexableEvent = {
      type,
      data,
      metadata: { occurredAt: iso(occurredAt), actor: { id: 'test', kind: 'system' }, correlationId: 'c', causationId: 'c', policyVersion: 'sha256:test' },
      position: String(this.events.length + 1).padStart(20, '0'),
    };
    this.events.push(event);
    return event;
  }

  registered(employeeId: string, role: Role, at: number = h(-1000)): this {
    this.push('EmployeeRegistered', { employeeId, name: employeeId, role, team: null, reportsTo: null, department: null }, at);
    return this;
  }

  updated(employeeId: string, role: Role, previousRole: Role, at: number): this {
    const profile = { employeeId, name: employeeId, role, team: null, reportsTo: null, department: null };
    this.push('EmployeeUpdated', { ...profile, changed: role === previousRole ? [] : ['role'], previousRole }, at);
    return this;
  }

  left(employeeId: string, at: number): this {
    this.push('EmployeeLeft', { employeeId, reason: 'resigned', at: iso(at) }, at);
    return this;
  }

  /** The original application through its notice and acknowledgement, as far as the spec says. */
  grant(spec: GrantSpec): this {
    const terms = termsOf(spec);
    const appliedAt = spec.appliedAt ?? Math.min(spec.noticeAt ?? spec.validFrom, spec.validFrom) - 3_600_000;
    const authorizationId = spec.id;
    this.push('AuthorizationApplied', { ...terms, authorizationId, applicantId: spec.employeeId, applicantRole: 'agent', applicantTeam: null, reason: 'r', initialReviewRequired: true, finalApprovalRequired: false }, appliedAt);
    this.push('InitialReviewPassed', { authorizationId, reviewerId: 'S1', opinion: '' }, appliedAt + 1);
    this.push('ManagerApproved', { authorizationId, approverId: 'M1', opinion: '', finalApprovalRequired: false }, appliedAt + 2);
    if (spec.noticeAt === undefined) return this;
    this.notice(authorizationId, terms, spec.noticeAt);
    if (spec.ackAt !== undefined) this.acknowledged(authorizationId, spec.employeeId, terms, spec.ackAt);
    return this;
  }

  notice(authorizationId: string, terms: Terms, at: number, changeId?: string): this {
    this.push('NoticeIssued', { authorizationId, changeId, noticeNumber: `N-${authorizationId}`, issuerId: 'M1', issuedAs: 'manager', copiesTo: ['finance'], terms }, at);
    return this;
  }

  acknowledged(authorizationId: string, employeeId: string, terms: Terms, at: number, changeId?: string): this {
    this.push('NoticeAcknowledged', { authorizationId, changeId, employeeId, noticeNumber: `N-${authorizationId}`, acknowledgedAt: iso(at), terms }, at);
    return this;
  }

  /** A change request through its acknowledgement (when `ackAt` is given). */
  change(authorizationId: string, employeeId: string, changeId: string, terms: Terms, requestedAt: number, ackAt?: number): this {
    this.push('ChangeApplied', { authorizationId, changeId, requestedBy: employeeId, terms, reason: 'r', initialReviewRequired: true, finalApprovalRequired: false }, requestedAt);
    this.push('InitialReviewPassed', { authorizationId, changeId, reviewerId: 'S1', opinion: '' }, requestedAt + 1);
    this.push('ManagerApproved', { authorizationId, changeId, approverId: 'M1', opinion: '', finalApprovalRequired: false }, requestedAt + 2);
    this.notice(authorizationId, terms, requestedAt + 3, changeId);
    if (ackAt !== undefined) this.acknowledged(authorizationId, employeeId, terms, ackAt, changeId);
    return this;
  }

  rejected(authorizationId: string, at: number, changeId?: string): this {
    this.push('ManagerRejected', { authorizationId, changeId, approverId: 'M1', opinion: 'no' }, at);
    return this;
  }

  revoked(authorizationId: string, at: number): this {
    this.push('AuthorizationRevoked', { authorizationId, revokedBy: 'M1', reason: 'violation', cause: 'manual', revokedAt: iso(at) }, at);
    return this;
  }

  completed(authorizationId: string, at: number): this {
    this.push('AuthorizationCompleted', { authorizationId, completedBy: 'E1', note: null, completedAt: iso(at) }, at);
    return this;
  }

  expired(authorizationId: string, validUntil: number, at: number, previousStatus = 'active'): this {
    this.push('AuthorizationExpired', { authorizationId, validUntil: iso(validUntil), expiredAt: iso(at), previousStatus }, at);
    return this;
  }

  withdrawn(authorizationId: string, at: number): this {
    this.push('ApplicationWithdrawn', { authorizationId, withdrawnBy: 'E1', reason: 'employee-left', withdrawnAt: iso(at) }, at);
    return this;
  }
}

export const termsOf = (spec: Pick<GrantSpec, 'matter' | 'scope' | 'validFrom' | 'validUntil'>): Terms => ({
  matter: spec.matter ?? 'compensation.issue',
  scope: spec.scope ?? {},
  validFrom: iso(spec.validFrom),
  validUntil: iso(spec.validUntil),
});
