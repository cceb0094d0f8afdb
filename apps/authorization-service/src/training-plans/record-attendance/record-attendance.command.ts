import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { TrainingPlanAnswer } from '../training-plan-answer.js';
import type { RecordAttendanceDto } from './record-attendance.dto.js';

export class RecordAttendanceCommand extends Command<TrainingPlanAnswer> {
  constructor(
    readonly year: number,
    readonly sessionId: string,
    readonly body: RecordAttendanceDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
