import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../shared/request-context.js';
import type { ReportAnswer } from '../report-runner.js';
import type { FileReportDto } from './file-report.dto.js';

export class FileReportCommand extends Command<ReportAnswer> {
  constructor(
    readonly body: FileReportDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
