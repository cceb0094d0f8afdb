/**
 * One complete workflow of the demo call center as HTTP steps (apply, review, approval, notice,
 * acknowledgement), for the suites that drive many of them under faults (SIGKILL loops, topology).
 */
export interface WorkflowStep {
  readonly name: string;
  readonly who: string;
  readonly path: (id: string) => string;
  readonly body: unknown;
  /** The event the step writes. */
  readonly eventType: string;
  /** The status of its first answer. */
  readonly ok: number;
}

/** Applicants with a superior, so that each workflow has four different people (SPEC §4). */
export const WORKFLOW_APPLICANTS = [
  { id: 'E101', reviewer: 'S01' },
  { id: 'E102', reviewer: 'S01' },
  { id: 'E201', reviewer: 'S02' },
] as const;

export type WorkflowApplicant = (typeof WORKFLOW_APPLICANTS)[number];

export const workflowSteps = (applicant: WorkflowApplicant, application: unknown): WorkflowStep[] => [
  { name: 'apply', who: applicant.id, path: () => '/v1/applications', body: application, eventType: 'AuthorizationApplied', ok: 201 },
  { name: 'review', who: applicant.reviewer, path: (id) => `/v1/authorizations/${id}/review`, body: { decision: 'pass', opinion: 'ok' }, eventType: 'InitialReviewPassed', ok: 200 },
  { name: 'approval', who: 'M02', path: (id) => `/v1/authorizations/${id}/approval`, body: { decision: 'approve', opinion: 'ok' }, eventType: 'ManagerApproved', ok: 200 },
  { name: 'notice', who: 'M01', path: (id) => `/v1/authorizations/${id}/notice`, body: { copiesTo: ['finance', 'quality'] }, eventType: 'NoticeIssued', ok: 200 },
  { name: 'acknowledgement', who: applicant.id, path: (id) => `/v1/authorizations/${id}/acknowledgement`, body: {}, eventType: 'NoticeAcknowledged', ok: 200 },
];
