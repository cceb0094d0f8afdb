import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../shared/request-context.js';
import type { SupervisionAnswer } from '../../supervision-answer.js';
import { RecordAssessmentCommand } from './record-assessment.command.js';
import { RecordAssessmentDto } from './record-assessment.dto.js';
import { ApiAnswers, SUPERVISION_ANSWER } from '../../../http/openapi.js';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/assessments')
export class RecordAssessmentController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: "Assess an employee for a month or quarter (a manager; one per employee and period)" })
  @ApiAnswers({ status: 201, description: 'The recorded assessment', schema: SUPERVISION_ANSWER }, 403, 404, 409, 422)
  run(@Body() body: RecordAssessmentDto, @Ctx() ctx: RequestContext): Promise<SupervisionAnswer> {
    return this.commands.execute(new RecordAssessmentCommand(body, ctx));
  }
}
