import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../shared/request-context.js';
import { SupervisionIdPipe } from '../../supervision-id.pipe.js';
import type { ReportAnswer } from '../report-runner.js';
import { ConcludeReportCommand } from './conclude-report.command.js';
import { ConcludeReportDto } from './conclude-report.dto.js';
import { ApiAnswers, REPORT_ANSWER } from '../../../http/openapi.js';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/reports')
export class ConcludeReportController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/conclusion')
  @HttpCode(200)
  @ApiOperation({ summary: 'Conclude a report (the investigator); a substantiated revoke action revokes the grant' })
  @ApiAnswers({ status: 200, description: 'The concluded report', schema: REPORT_ANSWER }, 403, 404, 409, 422)
  run(@Param('id', SupervisionIdPipe) id: string, @Body() body: ConcludeReportDto, @Ctx() ctx: RequestContext): Promise<ReportAnswer> {
    return this.commands.execute(new ConcludeReportCommand(id, body, ctx));
  }
}
