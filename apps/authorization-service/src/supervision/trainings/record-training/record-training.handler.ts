import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { hasScope } from '../../../auth/principal.js';
import { EmployeeRunner, type EmployeeAnswer } from '../../../directory/employee-runner.js';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../../shared/application-errors.js';
import type { RequestContext } from '../../../shared/request-context.js';
import { RecordTrainingCommand } from './record-training.command.js';

/** Clock skew a trainer's device may have; a completion further ahead is a typo, not a fact. */
const FUTURE_LEEWAY_MS = 5 * 60 * 1000;

/** HR (`directory:write`) or a tech_support employee who delivered the training, never to themself. */
@CommandHandler(RecordTrainingCommand)
export class RecordTrainingHandler implements ICommandHandler<RecordTrainingCommand> {
  constructor(private readonly runner: EmployeeRunner) {}

  async execute({ employeeId, body, ctx }: RecordTrainingCommand): Promise<EmployeeAnswer> {
    await this.requireTrainer(ctx, employeeId);
    if ((await this.runner.directory.snapshot(employeeId)) === null) throw new NotFoundError('employee', employeeId);
    const completedAt = new Date(body.completedAt);
    if (completedAt.getTime() > Date.parse(ctx.now) + FUTURE_LEEWAY_MS) {
      throw new UnprocessableError('COMPLETED_IN_FUTURE', 'completedAt lies in the future', { completedAt: ['must not be in the future'] });
    }
    const data = { employeeId, course: body.course, completedAt: completedAt.toISOString(), recordedBy: ctx.principal.id, now: ctx.now };
    return this.runner.execute({ type: 'RecordTraining', data }, ctx);
  }

  private async requireTrainer(ctx: RequestContext, employeeId: string): Promise<void> {
    if (hasScope(ctx.principal, 'directory:write')) return;
    const trainer = ctx.principal.kind === 'employee' ? await this.runner.directory.snapshot(ctx.principal.id) : null;
    if (trainer === null || trainer.left || trainer.role !== 'tech_support') {
      throw new ForbiddenError('ROLE_REQUIRED', 'trainings are recorded by directory:write services or the tech_support employee who delivered them');
    }
    if (trainer.employeeId === employeeId) throw new ForbiddenError('SEPARATION_OF_DUTIES', 'nobody records their own training');
  }
}
