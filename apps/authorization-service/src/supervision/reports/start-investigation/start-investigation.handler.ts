import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReportRunner, type ReportAnswer } from '../report-runner.js';
import { StartInvestigationCommand } from './start-investigation.command.js';

/** The subject's superior is read now, from the directory: whoever supervises them today investigates. */
@CommandHandler(StartInvestigationCommand)
export class StartInvestigationHandler implements ICommandHandler<StartInvestigationCommand> {
  constructor(private readonly reports: ReportRunner) {}

  async execute({ reportId, ctx }: StartInvestigationCommand): Promise<ReportAnswer> {
    const actor = await this.reports.runner.actor(ctx);
    const state = await this.reports.load(reportId);
    const subject = await this.reports.runner.subject(state.report.subjectEmployeeId);
    return this.reports.execute(reportId, { type: 'StartInvestigation', data: { actor, subject } }, ctx);
  }
}
