import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConflictError } from '../../shared/application-errors.js';
import { AuthorizationRunner, type CommandAnswer } from '../authorization-runner.js';
import { CompleteAuthorizationCommand } from './complete-authorization.command.js';

@CommandHandler(CompleteAuthorizationCommand)
export class CompleteAuthorizationHandler implements ICommandHandler<CompleteAuthorizationCommand> {
  constructor(private readonly runner: AuthorizationRunner) {}

  async execute({ authorizationId, body, ctx }: CompleteAuthorizationCommand): Promise<CommandAnswer> {
    const { actor, state, history } = await this.runner.begin(ctx, authorizationId);
    const grantee = await this.runner.directory.snapshot(state.applicantId);
    if (grantee === null) throw new ConflictError('INVALID_TRANSITION', 'the grantee is no longer in the directory');
    return this.runner.execute(
      authorizationId,
      { type: 'CompleteAuthorization', data: { actor, grantee, note: body.note ?? null, now: ctx.now } },
      ctx,
      history,
    );
  }
}
