import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, UnprocessableError } from '../../shared/application-errors.js';
import { EmployeeRunner, type EmployeeAnswer } from '../employee-runner.js';
import { AppointStandInCommand } from './appoint-stand-in.command.js';

/** The employee, or their superior, names a stand-in (代理人) for a period (SPEC §11). */
@CommandHandler(AppointStandInCommand)
export class AppointStandInHandler implements ICommandHandler<AppointStandInCommand> {
  constructor(private readonly runner: EmployeeRunner) {}

  async execute({ employeeId, body, ctx }: AppointStandInCommand): Promise<EmployeeAnswer> {
    const actor = await this.runner.directory.actingEmployee(ctx.principal);
    if ((await this.runner.directory.snapshot(employeeId)) === null) throw new NotFoundError('employee', employeeId);
    const standIn = await this.runner.directory.snapshot(body.standInId);
    if (standIn === null) throw new UnprocessableError('STAND_IN_NOT_ELIGIBLE', `employee ${body.standInId} is not in the directory`, { standInId: ['unknown employee'] });
    const { from, until } = body;
    return this.runner.execute({ type: 'AppointStandIn', data: { employeeId, actor, standIn, from, until, reason: body.reason ?? null, now: ctx.now } }, ctx);
  }
}
