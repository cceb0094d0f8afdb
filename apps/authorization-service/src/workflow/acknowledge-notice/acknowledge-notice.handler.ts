import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuthorizationRunner, type CommandAnswer } from '../authorization-runner.js';
import { AcknowledgeNoticeCommand } from './acknowledge-notice.command.js';

@CommandHandler(AcknowledgeNoticeCommand)
export class AcknowledgeNoticeHandler implements ICommandHandler<AcknowledgeNoticeCommand> {
  constructor(private readonly runner: AuthorizationRunner) {}

  async execute({ authorizationId, ctx }: AcknowledgeNoticeCommand): Promise<CommandAnswer> {
    const { actor, history } = await this.runner.begin(ctx, authorizationId);
    return this.runner.execute(authorizationId, { type: 'AcknowledgeNotice', data: { actor, now: ctx.now } }, ctx, history);
  }
}
