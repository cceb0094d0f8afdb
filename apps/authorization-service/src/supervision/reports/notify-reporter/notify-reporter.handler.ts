import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReportRunner, type ReportAnswer } from '../report-runner.js';
import { NotifyReporterCommand } from './notify-reporter.command.js';

@CommandHandler(NotifyReporterCommand)
export class NotifyReporterHandler implements ICommandHandler<NotifyReporterCommand> {
  constructor(private readonly reports: ReportRunner) {}

  async execute({ reportId, body, ctx }: NotifyReporterCommand): Promise<ReportAnswer> {
    const actor = await this.reports.runner.actor(ctx);
    await this.reports.load(reportId);
    return this.reports.execute(reportId, { type: 'NotifyReporter', data: { actor, message: body.message } }, ctx);
  }
}
