import { Command } from '@nestjs/cqrs';
import type { EmployeeAnswer } from '../../../directory/employee-runner.js';
import type { RequestContext } from '../../../shared/request-context.js';
import type { RecordTrainingDto } from './record-training.dto.js';

export class RecordTrainingCommand extends Command<EmployeeAnswer> {
  constructor(
    readonly employeeId: string,
    readonly body: RecordTrainingDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
