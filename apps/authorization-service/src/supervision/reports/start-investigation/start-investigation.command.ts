import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../shared/request-context.js';
import type { ReportAnswer } from '../report-runner.js';
import type { StartInvestigationDto } from './start-investigation.dto.js';

export class StartInvestigationCommand extends Command<ReportAnswer> {
  constructor(
    readonly reportId: string,
    readonly body: StartInvestigationDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
