import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../shared/request-context.js';
import type { ReportAnswer } from '../report-runner.js';
import type { NotifyReporterDto } from './notify-reporter.dto.js';

export class NotifyReporterCommand extends Command<ReportAnswer> {
  constructor(
    readonly reportId: string,
    readonly body: NotifyReporterDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
