import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../shared/request-context.js';
import { SupervisionIdPipe } from '../../supervision-id.pipe.js';
import type { ReportAnswer } from '../report-runner.js';
import { StartInvestigationCommand } from './start-investigation.command.js';
import { StartInvestigationDto } from './start-investigation.dto.js';
import { ApiAnswers, REPORT_ANSWER } from '../../../http/openapi.js';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/reports')
export class StartInvestigationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/investigation')
  @HttpCode(200)
  @ApiOperation({ summary: "Start investigating a report (the subject's superior or a manager; not the subject, not the reporter)" })
  @ApiAnswers({ status: 200, description: 'The report under investigation', schema: REPORT_ANSWER }, 403, 404, 409, 422)
  run(@Param('id', SupervisionIdPipe) id: string, @Body() body: StartInvestigationDto, @Ctx() ctx: RequestContext): Promise<ReportAnswer> {
    return this.commands.execute(new StartInvestigationCommand(id, body, ctx));
  }
}
