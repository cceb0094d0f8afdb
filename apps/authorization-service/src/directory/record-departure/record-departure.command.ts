import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { EmployeeAnswer } from '../employee-runner.js';
import type { RecordDepartureDto } from './record-departure.dto.js';

export class RecordDepartureCommand extends Command<EmployeeAnswer> {
  constructor(
    readonly employeeId: string,
    readonly body: RecordDepartureDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
