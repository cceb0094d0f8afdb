import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuthorizationRunner, type CommandAnswer } from '../authorization-runner.js';
import { ApproveAuthorizationCommand } from './approve-authorization.command.js';

@CommandHandler(ApproveAuthorizationCommand)
export class ApproveAuthorizationHandler implements ICommandHandler<ApproveAuthorizationCommand> {
  constructor(private readonly runner: AuthorizationRunner) {}

  async execute({ authorizationId, body, ctx }: ApproveAuthorizationCommand): Promise<CommandAnswer> {
    const { actor, history } = await this.runner.begin(ctx, authorizationId);
    // Not a manager: perhaps a manager's stand-in (代理人) while their period runs.
    const standingInFor = actor.role === 'manager' ? [] : await this.runner.directory.absentFor(actor.employeeId, ctx.now);
    return this.runner.execute(
      authorizationId,
      { type: 'ApproveAuthorization', data: { actor, standingInFor, decision: body.decision, opinion: body.opinion, now: ctx.now } },
      ctx,
      history,
    );
  }
}
