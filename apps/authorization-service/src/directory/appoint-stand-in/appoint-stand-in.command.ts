import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { EmployeeAnswer } from '../employee-runner.js';
import type { AppointStandInDto } from './appoint-stand-in.dto.js';

export class AppointStandInCommand extends Command<EmployeeAnswer> {
  constructor(
    readonly employeeId: string,
    readonly body: AppointStandInDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
