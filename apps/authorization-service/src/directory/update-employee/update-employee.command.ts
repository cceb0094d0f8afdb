import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { EmployeeAnswer } from '../employee-runner.js';
import type { UpdateEmployeeDto } from './update-employee.dto.js';

export class UpdateEmployeeCommand extends Command<EmployeeAnswer> {
  constructor(
    readonly employeeId: string,
    readonly body: UpdateEmployeeDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
