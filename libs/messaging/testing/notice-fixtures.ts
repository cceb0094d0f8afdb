/** Domain events of one authorization's life, as the relay and the mapper see them (tests only). */
import type { NewEvent } from '../../event-store/src/event-store.port.js';
import type { AuthorizationEvent, EmployeeRegistered, EventMetadata, Terms } from '../../domain/src/events.js';
import type { ReportEvent } from '../../domain/src/supervision/supervision.events.js';
import { randomUUID } from 'node:crypto';

export const TERMS: Terms = {
  matter: 'compensation.issue',
  scope: { maxAmount: 800, channels: ['phone'] },
  validFrom: '2026-01-01T00:00:00.000Z',
  validUntil: '2026-03-01T00:00:00.000Z',
};

export const metadata = (occurredAt: string, actorId = 'M1'): EventMetadata => ({
  occurredAt,
  actor: { id: actorId, kind: 'employee' },
  correlationId: randomUUID(),
  causationId: randomUUID(),
  policyVersion: 'sha256:test',
});

export const toNew = (event: { type: string; data: unknown; metadata?: EventMetadata }): NewEvent => ({
  id: randomUUID(),
  type: event.type,
  data: event.data,
  metadata: { ...(event.metadata ?? metadata('2026-01-01T00:00:00.000Z')) },
});

export const registered = (employeeId: string, name: string, role: 'agent' | 'manager' = 'agent'): EmployeeRegistered => ({
  type: 'EmployeeRegistered',
  data: { employeeId, name, role, team: role === 'agent' ? 'T1' : null, reportsTo: null, department: null },
  metadata: metadata('2025-12-01T00:00:00.000Z', 'svc:directory'),
});

/** Applied → approved → notice issued → acknowledged → revoked, for employee E1, notice by M1. */
export function lifeOf(authorizationId: string, employeeId = 'E1', copiesTo: readonly string[] = ['finance', 'quality']): AuthorizationEvent[] {
  return [
    {
      type: 'AuthorizationApplied',
      data: { ...TERMS, authorizationId, applicantId: employeeId, applicantRole: 'agent', applicantTeam: 'T1', reason: 'r', initialReviewRequired: false, finalApprovalRequired: false },
      metadata: metadata('2026-01-01T08:00:00.000Z', employeeId),
    },
    { type: 'ManagerApproved', data: { authorizationId, approverId: 'M2', opinion: '', finalApprovalRequired: false }, metadata: metadata('2026-01-01T09:00:00.000Z', 'M2') },
    {
      type: 'NoticeIssued',
      data: { authorizationId, noticeNumber: `N-${authorizationId.slice(0, 8)}`, issuerId: 'M1', issuedAs: 'manager', copiesTo, terms: TERMS },
      metadata: metadata('2026-01-01T10:00:00.000Z', 'M1'),
    },
    {
      type: 'NoticeAcknowledged',
      data: { authorizationId, employeeId, noticeNumber: `N-${authorizationId.slice(0, 8)}`, acknowledgedAt: '2026-01-01T11:00:00.000Z', terms: TERMS },
      metadata: metadata('2026-01-01T11:00:00.000Z', employeeId),
    },
    {
      type: 'AuthorizationRevoked',
      data: { authorizationId, revokedBy: 'M1', reason: 'violation', cause: 'manual', revokedAt: '2026-01-02T00:00:00.000Z' },
      metadata: metadata('2026-01-02T00:00:00.000Z', 'M1'),
    },
  ];
}

/** Reporter data that must never reach Kafka (tests search the messages for these strings). */
export const REPORTER = { employeeId: 'E2-reporter', contact: 'reporter-contact@example.com' } as const;

/**
 * Filed by employee E2 (with a contact) about `subjectId`, investigated and concluded by S1
 * (substantiated, revoking `authorizationId` when given), then fed back to the reporter.
 */
export function reportLifeOf(reportId: string, subjectId = 'E1', authorizationId: string | null = null): ReportEvent[] {
  return [
    {
      type: 'ViolationReported',
      data: {
        reportId, subjectEmployeeId: subjectId, authorizationId, category: 'out_of_scope', description: 'issued 5000 CNY',
        reporter: { kind: 'employee', employeeId: REPORTER.employeeId, contact: REPORTER.contact }, reportedBy: REPORTER.employeeId,
      },
      metadata: metadata('2026-01-03T08:00:00.000Z', REPORTER.employeeId),
    },
    { type: 'InvestigationStarted', data: { reportId, investigatorId: 'S1' }, metadata: metadata('2026-01-03T09:00:00.000Z', 'S1') },
    {
      type: 'ReportConcluded',
      data: {
        reportId, investigatorId: 'S1', finding: 'substantiated', summary: 'confirmed from the call recording',
        actions: [...(authorizationId === null ? [] : [{ type: 'revoke' as const, authorizationId }]), { type: 'warning' }, { type: 'training', course: 'scope-basics' }],
      },
      metadata: metadata('2026-01-04T10:00:00.000Z', 'S1'),
    },
    { type: 'ReporterNotified', data: { reportId, message: 'thank you, acted upon', notifiedBy: 'S1' }, metadata: metadata('2026-01-04T11:00:00.000Z', 'S1') },
  ];
}
