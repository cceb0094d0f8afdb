/**
 * The `data` (Kafka message value, JSON) of each notice type. Wire format only: plain JSON shapes,
 * described for non-TypeScript consumers by the JSON Schemas in ../schemas and ../asyncapi.yaml.
 */
import type { HrConsequence, NoticeTypes } from './notice-types.js';

export interface NoticeDisplayNames {
  readonly 'zh-Hant': string;
  readonly en: string;
}

export interface NoticeEmployee {
  readonly id: string;
  readonly name: string;
  /** agent | tech_support | supervisor | manager | executive | compliance */
  readonly role: string;
  readonly team: string | null;
}

export interface NoticeMatter {
  readonly id: string;
  /** Display names from the authority catalogue; null when the catalogue no longer knows the matter. */
  readonly names: NoticeDisplayNames | null;
}

/** Absent keys mean "not limited by this dimension". */
export interface NoticeScope {
  readonly maxAmount?: number;
  readonly channels?: readonly string[];
}

export interface NoticeValidity {
  readonly validFrom: string;
  readonly validUntil: string;
}

export interface NoticeIssuer {
  readonly id: string;
  readonly name: string | null;
  /** `designee`: the issuer held a grant for `authorization.notice.issue`. */
  readonly issuedAs: 'manager' | 'designee';
}

/** What every notice message states: the authorization and the terms it concerns. */
export interface NoticeCommonData {
  readonly authorizationId: string;
  readonly noticeNumber: string;
  readonly employee: NoticeEmployee;
  readonly matter: NoticeMatter;
  readonly scope: NoticeScope;
  readonly validity: NoticeValidity;
  readonly issuer: NoticeIssuer;
  readonly copiesTo: readonly string[];
  /** Present when the message concerns a change of terms (SPEC §4). */
  readonly changeId?: string;
}

export interface NoticeIssuedData extends NoticeCommonData {
  readonly issuedAt: string;
}
export interface NoticeAcknowledgedData extends NoticeCommonData {
  /** The terms in `scope`/`validity` are in force from max(acknowledgedAt, validFrom). */
  readonly acknowledgedAt: string;
}
export interface NoticeRevokedData extends NoticeCommonData {
  readonly revokedAt: string;
  readonly revokedBy: string;
  readonly reason: string;
  readonly cause: 'manual' | 'employee-left' | 'role-changed' | 'report' | 'access-review';
}
export interface NoticeExpiringData extends NoticeCommonData {
  readonly daysAhead: 7 | 1;
}
export interface NoticeExpiredData extends NoticeCommonData {
  readonly expiredAt: string;
}
export interface NoticeCompletedData extends NoticeCommonData {
  readonly completedAt: string;
  readonly completedBy: string;
  readonly note: string | null;
}

export type NoticeReportCategory = 'out_of_scope' | 'abuse' | 'misconduct' | 'other';

export type NoticeReportAction =
  | { readonly type: 'revoke'; readonly authorizationId: string }
  | { readonly type: 'warning' }
  | { readonly type: 'training'; readonly course: string };

/**
 * A concluded violation report (SPEC §10). Deliberately without the reporter (identity or contact):
 * an employee reporter is visible only to the investigator and compliance, never to departments.
 */
export interface ReportConcludedData {
  readonly reportId: string;
  /** The reported employee, as of the conclusion. */
  readonly subject: NoticeEmployee;
  /** Present when the report named an authorization. */
  readonly authorizationId?: string;
  readonly category: NoticeReportCategory;
  readonly finding: 'substantiated' | 'dismissed';
  readonly summary: string;
  /** A substantiated report's `revoke` action also arrives as that authorization's own `revoked.v1` (cause `report`). */
  readonly actions: readonly NoticeReportAction[];
  readonly investigatorId: string;
  readonly concludedAt: string;
}

/** A periodic access review closed (SPEC §11): what became of every grant under review. */
export interface AccessReviewClosedData {
  readonly accessReviewId: string;
  readonly title: string;
  /** null: every team. */
  readonly team: string | null;
  /** null: every matter. */
  readonly matters: readonly string[] | null;
  readonly dueAt: string;
  readonly defaultDecision: 'keep' | 'revoke';
  readonly startedBy: string;
  readonly closedAt: string;
  readonly counts: { readonly kept: number; readonly revoked: number; readonly unreviewed: number; readonly revokedByDefault: number };
  readonly outcomes: readonly {
    readonly authorizationId: string;
    readonly employeeId: string;
    readonly matter: string;
    readonly outcome: 'kept' | 'revoked' | 'unreviewed' | 'revoked-by-default';
  }[];
}

/** An assessment's consequences for HR (SPEC §11); without the assessment's notes. */
export interface AssessmentRecordedData {
  /** The assessed employee, as of the assessment. */
  readonly employee: NoticeEmployee;
  readonly period: string;
  readonly result: 'excellent' | 'satisfactory' | 'needs_improvement' | 'unsatisfactory';
  /** Never empty: an assessment without any of these produces no message. */
  readonly consequences: readonly HrConsequence[];
  readonly assessorId: string;
  readonly recordedAt: string;
}

/** A signed anchor of the audit chain (SPEC §12): the stored `AuditAnchored` data. */
export interface AuditAnchoredData {
  readonly position: string;
  readonly count: number;
  readonly hash: string;
  readonly at: string;
  readonly keyId: string;
  readonly signature: string;
}

export interface NoticeDataByType {
  readonly [NoticeTypes.issued]: NoticeIssuedData;
  readonly [NoticeTypes.acknowledged]: NoticeAcknowledgedData;
  readonly [NoticeTypes.revoked]: NoticeRevokedData;
  readonly [NoticeTypes.expiring]: NoticeExpiringData;
  readonly [NoticeTypes.expired]: NoticeExpiredData;
  readonly [NoticeTypes.completed]: NoticeCompletedData;
  readonly [NoticeTypes.reportConcluded]: ReportConcludedData;
  readonly [NoticeTypes.accessReviewClosed]: AccessReviewClosedData;
  readonly [NoticeTypes.assessmentRecorded]: AssessmentRecordedData;
  readonly [NoticeTypes.auditAnchored]: AuditAnchoredData;
}

export type NoticeData = NoticeDataByType[keyof NoticeDataByType];
