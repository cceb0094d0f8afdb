import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuthorizationRunner, type CommandAnswer } from '../authorization-runner.js';
import { FinalApproveAuthorizationCommand } from './final-approve-authorization.command.js';

@CommandHandler(FinalApproveAuthorizationCommand)
export class FinalApproveAuthorizationHandler implements ICommandHandler<FinalApproveAuthorizationCommand> {
  constructor(private readonly runner: AuthorizationRunner) {}

  async execute({ authorizationId, body, ctx }: FinalApproveAuthorizationCommand): Promise<CommandAnswer> {
    const { actor, history } = await this.runner.begin(ctx, authorizationId);
    const standingInFor = actor.role === 'executive' ? [] : await this.runner.directory.absentFor(actor.employeeId, ctx.now);
    return this.runner.execute(
      authorizationId,
      { type: 'FinalApproveAuthorization', data: { actor, standingInFor, decision: body.decision, opinion: body.opinion, now: ctx.now } },
      ctx,
      history,
    );
  }
}
