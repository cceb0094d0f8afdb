import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { EmployeeAnswer } from '../employee-runner.js';

export class EndStandInCommand extends Command<EmployeeAnswer> {
  constructor(
    readonly employeeId: string,
    readonly standInId: string,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
