/**
 * Pure folds of what the notice mapper needs: an authorization's notices, a report's subject, an
 * employee's profile.
 * Deliberately not the domain's decider state: the relay must keep working across domain
 * refactorings as long as the stored events (a public contract) stay the same. Read through the
 * domain's codec, which is that contract (every version, upcast).
 */
import type { RecordedEvent } from '../../../libs/event-store/src/event-store.port.js';
import { authorizationEvents, employeeEvents, reportEvents } from '../../../libs/domain/src/codec/event-codec.js';
import type { NoticeAuthorizationContext, NoticeReportContext, NoticeSummary } from '../../../libs/messaging/src/index.js';
import type { NoticeEmployee } from '../../../libs/contracts/src/index.js';

/** Folds one stored event of `authorization-{id}` into the context (null before the application). */
export function evolveAuthorizationContext(context: NoticeAuthorizationContext | null, stored: RecordedEvent): NoticeAuthorizationContext | null {
  const event = authorizationEvents.decode(stored);
  if (event === null) return context;
  switch (event.type) {
    case 'AuthorizationApplied':
      return { authorizationId: event.data.authorizationId, employeeId: event.data.applicantId, lastNotice: null, noticeInForce: null };
    case 'NoticeIssued': {
      if (context === null) return null;
      const { noticeNumber, issuerId, issuedAs, copiesTo, terms, changeId } = event.data;
      const notice: NoticeSummary = { noticeNumber, issuerId, issuedAs, copiesTo, terms, ...(changeId === undefined ? {} : { changeId }) };
      return { ...context, lastNotice: notice };
    }
    case 'NoticeAcknowledged':
      if (context === null || context.lastNotice === null) return context;
      return { ...context, noticeInForce: { ...context.lastNotice, terms: event.data.terms } };
    default:
      return context;
  }
}

/**
 * Folds one stored event of `report-{id}` into the context (null before the filing). Keeps what the
 * filing says about the subject and picks nothing of the reporter, so no message can carry it.
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

/** Folds one stored event of `employee-{id}` into the profile a notice shows (null before registration). */
export function evolveEmployee(profile: NoticeEmployee | null, stored: RecordedEvent): NoticeEmployee | null {
  const event = employeeEvents.decode(stored);
  if (event === null) return profile;
  switch (event.type) {
    case 'EmployeeRegistered':
    case 'EmployeeUpdated':
      return { id: event.data.employeeId, name: event.data.name, role: event.data.role, team: event.data.team };
    case 'EmployeeLeft':
    case 'TrainingCompleted':
      return profile;
    default: {
      const _exhaustive: never = event;
      return profile;
    }
  }
}
