import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../shared/request-context.js';
import type { ReportAnswer } from '../report-runner.js';
import { FileReportCommand } from './file-report.command.js';
import { FileReportDto } from './file-report.dto.js';
import { ApiAnswers, REPORT_ANSWER } from '../../../http/openapi.js';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/reports')
export class FileReportController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Report a violation (any employee; reports:write services on behalf of customers)' })
  @ApiAnswers({ status: 201, description: 'The filed report', schema: REPORT_ANSWER }, 403, 404, 409, 422)
  file(@Body() body: FileReportDto, @Ctx() ctx: RequestContext): Promise<ReportAnswer> {
    return this.commands.execute(new FileReportCommand(body, ctx));
  }
}
