/**
 * Pure mapping of a report's conclusion to its Kafka notice (SPEC §10): the same CloudEvents
 * binary mode as the authorization notices, keyed by the report id so that one report's messages
 * stay in order, copied to the quality department. Never carries the reporter: an employee
 * reporter is visible only to the investigator and compliance (the context does not even hold it).
 */
import type { RecordedEvent } from '../../event-store/src/event-store.port.js';
import { reportEvents } from '../../domain/src/codec/event-codec.js';
import type { ReportAction } from '../../domain/src/supervision/supervision.events.js';
import { NoticeTypes, REPORT_NOTICE_DEPARTMENTS, type NoticeReportAction, type ReportConcludedData } from '../../contracts/src/index.js';
import type { ReportNoticeMappingContext } from './notice-context.js';
import type { NoticeMessage } from './notice-publisher.port.js';
import { cloudEventHeaders, NoticeMappingError, occurredAt } from './to-notice-message.js';

/** Whether events of this type (on a `report-{id}` stream) produce a notice. */
export const isReportNoticeEventType = (type: string): boolean => type === 'ReportConcluded';

/**
 * Maps a stored `ReportConcluded` to its notice; null for every other event of a report stream.
 * Throws NoticeMappingError when the context is of another report (a bug in the caller's fold).
 */
export function toReportNoticeMessage(event: RecordedEvent, context: ReportNoticeMappingContext): NoticeMessage | null {
  if (!isReportNoticeEventType(event.type)) return null;
  const concluded = reportEvents.decode(event);
  if (concluded?.type !== 'ReportConcluded' || typeof concluded.data.reportId !== 'string') {
    throw new NoticeMappingError(event.id, `${event.type} without a reportId (or not readable by this version)`);
  }
  const { report, subject } = context;
  if (concluded.data.reportId !== report.reportId) {
    throw new NoticeMappingError(event.id, `context is of report ${report.reportId}, event of ${concluded.data.reportId}`);
  }
  if (subject.id !== report.subjectEmployeeId) {
    throw new NoticeMappingError(event.id, `subject ${subject.id} is not the reported employee ${report.subjectEmployeeId}`);
  }
  const { finding, summary, actions, investigatorId } = concluded.data;
  const data: ReportConcludedData = {
    reportId: report.reportId,
    subject: { id: subject.id, name: subject.name, role: subject.role, team: subject.team },
    ...(report.authorizationId === null ? {} : { authorizationId: report.authorizationId }),
    category: report.category,
    finding,
    summary,
    actions: actions.map(toAction),
    investigatorId,
    concludedAt: occurredAt(event),
  };
  return {
    key: report.reportId,
    value: JSON.stringify(data),
    headers: cloudEventHeaders(event, { type: NoticeTypes.reportConcluded, subject: report.reportId, departments: REPORT_NOTICE_DEPARTMENTS, source: context.source }),
  };
}

/** Field by field, so that whatever else a stored action may carry one day never leaks by accident. */
function toAction(action: ReportAction): NoticeReportAction {
  switch (action.type) {
    case 'revoke':
      return { type: 'revoke', authorizationId: action.authorizationId };
    case 'warning':
      return { type: 'warning' };
    case 'training':
      return { type: 'training', course: action.course };
    default: {
      const _exhaustive: never = action;
      return _exhaustive;
    }
  }
}
