/**
 * CloudEvents `type` names of the notice topic (SPEC §8). A public contract: consumers switch on
 * these strings, so a breaking change of a payload is a new `.v2` name, never an edit.
 */
export const NOTICE_TYPE_PREFIX = 'com.callcenter.authorization.';

export const NoticeTypes = {
  issued: 'com.callcenter.authorization.notice-issued.v1',
  acknowledged: 'com.callcenter.authorization.acknowledged.v1',
  revoked: 'com.callcenter.authorization.revoked.v1',
  expiring: 'com.callcenter.authorization.expiring.v1',
  expired: 'com.callcenter.authorization.expired.v1',
  completed: 'com.callcenter.authorization.completed.v1',
  /** A violation report was concluded (SPEC §10). Keyed by the report id, not an authorization id. */
  reportConcluded: 'com.callcenter.authorization.report-concluded.v1',
  /** A periodic access review closed (SPEC §11), for compliance. Keyed by the access review id. */
  accessReviewClosed: 'com.callcenter.authorization.access-review-closed.v1',
  /** An assessment decided consequences HR applies (SPEC §11), for hr. Keyed by the employee id. */
  assessmentRecorded: 'com.callcenter.authorization.assessment-recorded.v1',
  /** A signed anchor of the audit chain (SPEC §12), on its own topic (AUDIT_ANCHOR_TOPIC), key `audit-anchors`. */
  auditAnchored: 'com.callcenter.authorization.audit-anchored.v1',
} as const;

export type NoticeKind = keyof typeof NoticeTypes;
export type NoticeType = (typeof NoticeTypes)[NoticeKind];

/** The conclusion of a violation report (SPEC §10), for the quality department. */
export const REPORT_CONCLUDED_TYPE = NoticeTypes.reportConcluded;

/** `ce_departments` of every report notice: the quality department follows up on conclusions. */
export const REPORT_NOTICE_DEPARTMENTS: readonly string[] = ['quality'];

/** `ce_departments` of the access-review and audit-anchor messages. */
export const COMPLIANCE_DEPARTMENTS: readonly string[] = ['compliance'];

/** `ce_departments` of assessment-recorded: HR applies the consequences. */
export const HR_DEPARTMENTS: readonly string[] = ['hr'];

/** The assessment consequences HR applies (SPEC §11); the others (warning, training) act inside the service. */
export const HR_CONSEQUENCES = ['commendation', 'promotion', 'raise', 'fine', 'demotion', 'dismissal'] as const;
export type HrConsequence = (typeof HR_CONSEQUENCES)[number];

/** Key and `ce_subject` of every audit-anchored message: one partition keeps the anchors in order. */
export const AUDIT_ANCHOR_KEY = 'audit-anchors';

export const NOTICE_TYPE_LIST: readonly NoticeType[] = Object.values(NoticeTypes);

/** Default topic (configurable with KAFKA_TOPIC_NOTICES). */
export const DEFAULT_NOTICE_TOPIC = 'callcenter.authorization.notices.v1';

/** The audit chain's signed anchors (SPEC §12), for compliance to keep outside the system; key `audit-anchors`. */
export const AUDIT_ANCHOR_TOPIC = 'callcenter.authorization.audit-anchors.v1';

/** CloudEvents `source` of every message this service publishes. */
export const NOTICE_SOURCE = '/callcenter/authorization-service';

/** Kafka header names of CloudEvents binary mode (SPEC §8). */
export const NoticeHeaders = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  time: 'ce_time',
  subject: 'ce_subject',
  departments: 'ce_departments',
  contentType: 'content-type',
} as const;
