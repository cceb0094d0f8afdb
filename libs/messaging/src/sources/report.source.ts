/** `report-{id}`: a violation report's conclusion, for the quality department (SPEC §10). */
import type { RecordedEvent } from '../../../event-store/src/event-store.port.js';
import { reportEvents } from '../../../domain/src/codec/event-codec.js';
import { NoticeTypes } from '../../../contracts/src/index.js';
import type { NoticeReportContext } from '../notice-context.js';
import type { NoticeSource } from '../notice-source.js';
import { NoticeMappingError } from '../to-notice-message.js';
import { isReportNoticeEventType, toReportNoticeMessage } from '../to-report-notice-message.js';

/**
 * Folds one stored event into the context (null before the filing). Keeps what the filing says
 * about the subject and picks nothing of the reporter, so no message can carry it.
 */
export function evolveReportContext(context: NoticeReportContext | null, stored: RecordedEvent): NoticeReportContext | null {
  const event = reportEvents.decode(stored);
  if (event === null) return context;
  switch (event.type) {
    case 'ViolationReported': {
      const { reportId, subjectEmployeeId, authorizationId, category } = event.data;
      return { reportId, subjectEmployeeId, authorizationId, category };
    }
    case 'InvestigationStarted':
    case 'ReportConcluded':
    case 'ReporterNotified':
      return context;
    default: {
      const _exhaustive: never = event;
      return context;
    }
  }
}

export const reportSource: NoticeSource<NoticeReportContext | null> = {
  category: 'report',
  types: [NoticeTypes.reportConcluded],
  publishes: isReportNoticeEventType,
  initial: null,
  evolve: evolveReportContext,
  async map(event, report, lookups) {
    if (report === null) throw new NoticeMappingError(event.id, `${event.type} in ${event.streamId}, which has no ViolationReported`);
    const subject = await lookups.employeeAt(report.subjectEmployeeId, event);
    if (!subject) throw new NoticeMappingError(event.id, `employee ${report.subjectEmployeeId} is not in the directory`);
    return toReportNoticeMessage(event, { report, subject, ...(lookups.source ? { source: lookups.source } : {}) });
  },
};
