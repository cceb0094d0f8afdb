import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../shared/application-errors.js';
import { EmployeeRunner, type EmployeeAnswer } from '../employee-runner.js';
import { EndStandInCommand } from './end-stand-in.command.js';

/** Ends every period of a stand-in before its time (the employee or their superior). */
@CommandHandler(EndStandInCommand)
export class EndStandInHandler implements ICommandHandler<EndStandInCommand> {
  constructor(private readonly runner: EmployeeRunner) {}

  async execute({ employeeId, standInId, ctx }: EndStandInCommand): Promise<EmployeeAnswer> {
    const actor = await this.runner.directory.actingEmployee(ctx.principal);
    const employee = await this.runner.directory.snapshot(employeeId);
    if (employee === null) throw new NotFoundError('employee', employeeId);
    if (!(employee.standIns ?? []).some((period) => period.standInId === standInId)) throw new NotFoundError('stand-in', `${standInId} of ${employeeId}`);
    return this.runner.execute({ type: 'EndStandIn', data: { employeeId, standInId, actor: { kind: 'employee', employee: actor }, now: ctx.now } }, ctx);
  }
}
