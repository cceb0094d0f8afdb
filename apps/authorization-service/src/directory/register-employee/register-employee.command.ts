import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { EmployeeAnswer } from '../employee-runner.js';
import type { RegisterEmployeeDto } from './register-employee.dto.js';

export class RegisterEmployeeCommand extends Command<EmployeeAnswer> {
  constructor(
    readonly body: RegisterEmployeeDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
