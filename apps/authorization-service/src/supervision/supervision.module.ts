import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DirectoryModule } from '../directory/directory.module.js';
import { QueriesModule } from '../queries/queries.module.js';
import { RecordAssessmentController } from './assessments/record-assessment/record-assessment.controller.js';
import { RecordAssessmentHandler } from './assessments/record-assessment/record-assessment.handler.js';
import { RaiseEscalationController } from './escalations/raise-escalation/raise-escalation.controller.js';
import { RaiseEscalationHandler } from './escalations/raise-escalation/raise-escalation.handler.js';
import { ResolveEscalationController } from './escalations/resolve-escalation/resolve-escalation.controller.js';
import { ResolveEscalationHandler } from './escalations/resolve-escalation/resolve-escalation.handler.js';
import { ReceiveFeedbackController } from './feedback/receive-feedback/receive-feedback.controller.js';
import { ReceiveFeedbackHandler } from './feedback/receive-feedback/receive-feedback.handler.js';
import { RecordInspectionController } from './inspections/record-inspection/record-inspection.controller.js';
import { RecordInspectionHandler } from './inspections/record-inspection/record-inspection.handler.js';
import { ConcludeReportController } from './reports/conclude-report/conclude-report.controller.js';
import { ConcludeReportHandler } from './reports/conclude-report/conclude-report.handler.js';
import { ReportRevocations } from './reports/conclude-report/report-revocations.js';
import { FileReportController } from './reports/file-report/file-report.controller.js';
import { FileReportHandler } from './reports/file-report/file-report.handler.js';
import { GetReportController } from './reports/get-report/get-report.controller.js';
import { ListReportsController } from './reports/list-reports/list-reports.controller.js';
import { NotifyReporterController } from './reports/notify-reporter/notify-reporter.controller.js';
import { NotifyReporterHandler } from './reports/notify-reporter/notify-reporter.handler.js';
import { ReportAccess } from './reports/report-access.js';
import { ReportRunner } from './reports/report-runner.js';
import { StartInvestigationController } from './reports/start-investigation/start-investigation.controller.js';
import { StartInvestigationHandler } from './reports/start-investigation/start-investigation.handler.js';
import { AnswerSuggestionController } from './suggestions/answer-suggestion/answer-suggestion.controller.js';
import { AnswerSuggestionHandler } from './suggestions/answer-suggestion/answer-suggestion.handler.js';
import { SubmitSuggestionController } from './suggestions/submit-suggestion/submit-suggestion.controller.js';
import { SubmitSuggestionHandler } from './suggestions/submit-suggestion/submit-suggestion.handler.js';
import { SupervisionRunner } from './supervision-runner.js';
import { RecordsModule } from '../../../../libs/read-models/src/records/records.module.js';
import { ReadModelsModule } from '../../../../libs/read-models/src/index.js';
import { EmployeeRecordController } from './read-backs/employee-record.controller.js';
import { ReadBacksController } from './read-backs/read-backs.controller.js';
import { RecordReaders } from './read-backs/record-readers.js';
import { SuggestionsReadController } from './read-backs/suggestions-read.controller.js';
import { AuthorDigest } from './suggestions/author-digest.js';
import { RecordTrainingController } from './trainings/record-training/record-training.controller.js';
import { RecordTrainingHandler } from './trainings/record-training/record-training.handler.js';

const SUPERVISION_CONTROLLERS = [
  FileReportController,
  StartInvestigationController,
  ConcludeReportController,
  NotifyReporterController,
  GetReportController,
  ListReportsController,
  RecordInspectionController,
  RaiseEscalationController,
  ResolveEscalationController,
  ReceiveFeedbackController,
  RecordTrainingController,
  RecordAssessmentController,
  SubmitSuggestionController,
  AnswerSuggestionController,
  ReadBacksController,
  EmployeeRecordController,
  SuggestionsReadController,
];
const SUPERVISION_HANDLERS = [
  FileReportHandler,
  StartInvestigationHandler,
  ConcludeReportHandler,
  NotifyReporterHandler,
  RecordInspectionHandler,
  RaiseEscalationHandler,
  ResolveEscalationHandler,
  ReceiveFeedbackHandler,
  RecordTrainingHandler,
  RecordAssessmentHandler,
  SubmitSuggestionHandler,
  AnswerSuggestionHandler,
];
const SUPERVISION_INFRASTRUCTURE = [AuthorDigest, RecordReaders, SupervisionRunner, ReportRunner, ReportRevocations, ReportAccess];

/** Supervision and assessment (SPEC §10): reports, inspections, escalations, feedback, trainings, assessments, suggestions. */
@Module({
  imports: [CqrsModule, DirectoryModule, QueriesModule, ReadModelsModule, RecordsModule],
  controllers: SUPERVISION_CONTROLLERS,
  providers: [...SUPERVISION_INFRASTRUCTURE, ...SUPERVISION_HANDLERS],
  // The shared part of the record areas' handlers (catalogue reviews, training plans, meetings).
  exports: [SupervisionRunner, RecordReaders],
})
export class SupervisionModule {}
