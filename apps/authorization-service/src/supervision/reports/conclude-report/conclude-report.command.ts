import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../shared/request-context.js';
import type { ReportAnswer } from '../report-runner.js';
import type { ConcludeReportDto } from './conclude-report.dto.js';

export class ConcludeReportCommand extends Command<ReportAnswer> {
  constructor(
    readonly reportId: string,
    readonly body: ConcludeReportDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
