import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EmployeeRunner, type EmployeeAnswer } from '../employee-runner.js';
import { RegisterEmployeeCommand } from './register-employee.command.js';

@CommandHandler(RegisterEmployeeCommand)
export class RegisterEmployeeHandler implements ICommandHandler<RegisterEmployeeCommand> {
  constructor(private readonly runner: EmployeeRunner) {}

  async execute({ body, ctx }: RegisterEmployeeCommand): Promise<EmployeeAnswer> {
    this.runner.requireDirectoryWriter(ctx);
    await this.runner.checkReportsTo(body.id, body.reportsTo ?? null);
    return this.runner.execute(
      {
        type: 'RegisterEmployee',
        data: { employeeId: body.id, name: body.name, role: body.role, team: body.team ?? null, reportsTo: body.reportsTo ?? null, department: body.department ?? null },
      },
      ctx,
    );
  }
}
