import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../shared/application-errors.js';
import { EmployeeRunner, type EmployeeAnswer } from '../employee-runner.js';
import { UpdateEmployeeCommand } from './update-employee.command.js';

@CommandHandler(UpdateEmployeeCommand)
export class UpdateEmployeeHandler implements ICommandHandler<UpdateEmployeeCommand> {
  constructor(private readonly runner: EmployeeRunner) {}

  async execute({ employeeId, body, ctx }: UpdateEmployeeCommand): Promise<EmployeeAnswer> {
    this.runner.requireDirectoryWriter(ctx);
    if ((await this.runner.directory.snapshot(employeeId)) === null) throw new NotFoundError('employee', employeeId);
    if (body.reportsTo !== undefined) await this.runner.checkReportsTo(employeeId, body.reportsTo);
    const pick = <K extends keyof typeof body>(key: K) => (body[key] !== undefined ? { [key]: body[key] } : {});
    return this.runner.execute(
      { type: 'UpdateEmployee', data: { employeeId, ...pick('name'), ...pick('role'), ...pick('team'), ...pick('reportsTo'), ...pick('department') } },
      ctx,
    );
  }
}
