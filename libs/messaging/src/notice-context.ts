/**
 * What the mapper must know beyond the event itself: the authorization as folded from the events
 * BEFORE the one being mapped, and the people it names (as of that event).
 */
import type { Terms } from '../../domain/src/events.js';
import type { NoticeDisplayNames, NoticeEmployee, NoticeReportCategory } from '../../contracts/src/index.js';

export interface NoticeSummary {
  readonly noticeNumber: string;
  readonly issuerId: string;
  readonly issuedAs: 'manager' | 'designee';
  readonly copiesTo: readonly string[];
  readonly terms: Terms;
  readonly changeId?: string;
}

export interface NoticeAuthorizationContext {
  readonly authorizationId: string;
  readonly employeeId: string;
  /** The latest notice issued (of the application or of a change); null before the first. */
  readonly lastNotice: NoticeSummary | null;
  /** The notice whose terms are in force (the last one acknowledged); null before the first acknowledgement. */
  readonly noticeInForce: NoticeSummary | null;
  /** Every department a notice before the event was copied to, in order of first copy: later messages go to all of them (SPEC §12). */
  readonly copiedTo: readonly string[];
}

export interface NoticeMappingContext {
  readonly authorization: NoticeAuthorizationContext;
  /** The grantee. */
  readonly employee: NoticeEmployee;
  /** Name of the issuer of the notice the message refers to; null when unknown. */
  readonly issuerName?: string | null;
  /** Catalogue display names of the matter; null when unknown. */
  readonly matterNames?: NoticeDisplayNames | null;
  /** CloudEvents `source`; defaults to NOTICE_SOURCE. */
  readonly source?: string;
}

/**
 * A violation report as folded from `report-{id}` BEFORE the event being mapped. Holds only what a
 * department may read: the reporter (identity, contact) is never folded in, so it cannot leak.
 */
export interface NoticeReportContext {
  readonly reportId: string;
  readonly subjectEmployeeId: string;
  readonly authorizationId: string | null;
  readonly category: NoticeReportCategory;
}

export interface ReportNoticeMappingContext {
  readonly report: NoticeReportContext;
  /** The reported employee, as of the event. */
  readonly subject: NoticeEmployee;
  /** CloudEvents `source`; defaults to NOTICE_SOURCE. */
  readonly source?: string;
}
