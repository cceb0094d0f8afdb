import { fileURLToPath } from 'node:url';
import { NoticeTypes, type NoticeType } from './notice-types.js';

/** File name of the JSON Schema (draft 2020-12) of each type's `data`, in libs/contracts/schemas. */
export const NOTICE_SCHEMA_FILES: Readonly<Record<NoticeType, string>> = {
  [NoticeTypes.issued]: 'notice-issued.v1.schema.json',
  [NoticeTypes.acknowledged]: 'acknowledged.v1.schema.json',
  [NoticeTypes.revoked]: 'revoked.v1.schema.json',
  [NoticeTypes.expiring]: 'expiring.v1.schema.json',
  [NoticeTypes.expired]: 'expired.v1.schema.json',
  [NoticeTypes.completed]: 'completed.v1.schema.json',
  [NoticeTypes.reportConcluded]: 'report-concluded.v1.schema.json',
  [NoticeTypes.accessReviewClosed]: 'access-review-closed.v1.schema.json',
  [NoticeTypes.assessmentRecorded]: 'assessment-recorded.v1.schema.json',
  [NoticeTypes.auditAnchored]: 'audit-anchored.v1.schema.json',
};

/** Absolute path of a schema file (the schemas are data files beside the sources, not bundled). */
export const noticeSchemaPath = (type: NoticeType): string =>
  fileURLToPath(new URL(`../schemas/${NOTICE_SCHEMA_FILES[type]}`, import.meta.url));
