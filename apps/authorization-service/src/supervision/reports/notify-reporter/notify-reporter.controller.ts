import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../shared/request-context.js';
import { SupervisionIdPipe } from '../../supervision-id.pipe.js';
import type { ReportAnswer } from '../report-runner.js';
import { NotifyReporterCommand } from './notify-reporter.command.js';
import { NotifyReporterDto } from './notify-reporter.dto.js';
import { ApiAnswers, REPORT_ANSWER } from '../../../http/openapi.js';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/reports')
export class NotifyReporterController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/feedback')
  @HttpCode(200)
  @ApiOperation({ summary: 'Feed the result back to the reporter, once, after the conclusion (the investigator)' })
  @ApiAnswers({ status: 200, description: 'The report, its reporter notified', schema: REPORT_ANSWER }, 403, 404, 409, 422)
  run(@Param('id', SupervisionIdPipe) id: string, @Body() body: NotifyReporterDto, @Ctx() ctx: RequestContext): Promise<ReportAnswer> {
    return this.commands.execute(new NotifyReporterCommand(id, body, ctx));
  }
}
