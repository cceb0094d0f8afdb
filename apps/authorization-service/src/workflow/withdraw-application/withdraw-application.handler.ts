import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuthorizationRunner, type CommandAnswer } from '../authorization-runner.js';
import { WithdrawApplicationCommand } from './withdraw-application.command.js';

@CommandHandler(WithdrawApplicationCommand)
export class WithdrawApplicationHandler implements ICommandHandler<WithdrawApplicationCommand> {
  constructor(private readonly runner: AuthorizationRunner) {}

  async execute({ authorizationId, ctx }: WithdrawApplicationCommand): Promise<CommandAnswer> {
    const { actor: employee, history } = await this.runner.begin(ctx, authorizationId);
    return this.runner.execute(
      authorizationId,
      { type: 'WithdrawApplication', data: { actor: { kind: 'employee', employee }, reason: null, now: ctx.now } },
      ctx,
      history,
    );
  }
}
