import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiAnswers } from '../../http/openapi.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { SupervisionIdPipe } from '../../supervision/supervision-id.pipe.js';
import type { TrainingPlanAnswer } from '../training-plan-answer.js';
import { TRAINING_PLAN } from '../training-plan.schemas.js';
import { YearPipe } from '../year.pipe.js';
import { RecordAttendanceCommand } from './record-attendance.command.js';
import { RecordAttendanceDto } from './record-attendance.dto.js';

@ApiTags('training')
@ApiBearerAuth()
@Controller('v1/training-plans')
export class RecordAttendanceController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':year/sessions/:sessionId/attendance')
  @HttpCode(200)
  @ApiOperation({ summary: "Record a session's attendance: TrainingCompleted for each attendee (the session's lecturer, a manager or directory:write)" })
  @ApiParam({ name: 'year', schema: { type: 'string', pattern: '^[0-9]{4}$' } })
  @ApiAnswers({ status: 200, description: 'The plan with the attendance', schema: TRAINING_PLAN }, 403, 404, 422)
  run(@Param('year', YearPipe) year: number, @Param('sessionId', SupervisionIdPipe) sessionId: string, @Body() body: RecordAttendanceDto, @Ctx() ctx: RequestContext): Promise<TrainingPlanAnswer> {
    return this.commands.execute(new RecordAttendanceCommand(year, sessionId, body, ctx));
  }
}
