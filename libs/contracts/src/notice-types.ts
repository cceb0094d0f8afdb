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
} as const;

export type NoticeKind = keyof typeof NoticeTypes;
export type NoticeType = (typeof NoticeTypes)[NoticeKind];

/** The conclusion of a violation report (SPEC §10), for the quality department. */
export const REPORT_CONCLUDED_TYPE = NoticeTypes.reportConcluded;

/** `ce_departments` of every report notice: the quality department follows up on conclusions. */
export const REPORT_NOTICE_DEPARTMENTS: readonly string[] = ['quality'];

export const NOTICE_TYPE_LIST: readonly NoticeType[] = Object.values(NoticeTypes);

/** Default topic (configurable with KAFKA_TOPIC_NOTICES). */
export const DEFAULT_NOTICE_TOPIC = 'callcenter.authorization.notices.v1';

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
