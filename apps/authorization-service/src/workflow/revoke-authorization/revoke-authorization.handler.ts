import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConflictError } from '../../shared/application-errors.js';
import { AuthorizationRunner, type CommandAnswer } from '../authorization-runner.js';
import { RevokeAuthorizationCommand } from './revoke-authorization.command.js';

@CommandHandler(RevokeAuthorizationCommand)
export class RevokeAuthorizationHandler implements ICommandHandler<RevokeAuthorizationCommand> {
  constructor(private readonly runner: AuthorizationRunner) {}

  async execute({ authorizationId, body, ctx }: RevokeAuthorizationCommand): Promise<CommandAnswer> {
    const { actor: employee, state, history } = await this.runner.begin(ctx, authorizationId);
    const grantee = await this.runner.directory.snapshot(state.applicantId);
    if (grantee === null) throw new ConflictError('INVALID_TRANSITION', 'the grantee is no longer in the directory');
    return this.runner.execute(
      authorizationId,
      { type: 'RevokeAuthorization', data: { actor: { kind: 'employee', employee }, grantee, reason: body.reason, cause: 'manual', now: ctx.now } },
      ctx,
      history,
    );
  }
}
