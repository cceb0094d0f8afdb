import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../shared/application-errors.js';
import { EmployeeRunner, type EmployeeAnswer } from '../employee-runner.js';
import { RecordDepartureCommand } from './record-departure.command.js';

/** Records the departure; the leaver cascade (revocations, withdrawals) reacts to EmployeeLeft. */
@CommandHandler(RecordDepartureCommand)
export class RecordDepartureHandler implements ICommandHandler<RecordDepartureCommand> {
  constructor(private readonly runner: EmployeeRunner) {}

  async execute({ employeeId, body, ctx }: RecordDepartureCommand): Promise<EmployeeAnswer> {
    this.runner.requireDirectoryWriter(ctx);
    if ((await this.runner.directory.snapshot(employeeId)) === null) throw new NotFoundError('employee', employeeId);
    return this.runner.execute({ type: 'RecordDeparture', data: { employeeId, reason: body.reason ?? null, now: ctx.now } }, ctx);
  }
}
