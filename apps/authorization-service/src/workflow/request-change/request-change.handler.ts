import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v5 as uuidv5 } from 'uuid';
import { InvalidRequestError } from '../../shared/application-errors.js';
import { plainScope } from '../../shared/validators.js';
import { AuthorizationRunner, type CommandAnswer } from '../authorization-runner.js';
import { RequestChangeCommand } from './request-change.command.js';

const CHANGE_ID_NAMESPACE = 'c9e4a7d1-2b3f-4f6a-8e5d-7c1b0a9f3e22';

@CommandHandler(RequestChangeCommand)
export class RequestChangeHandler implements ICommandHandler<RequestChangeCommand> {
  constructor(private readonly runner: AuthorizationRunner) {}

  async execute({ authorizationId, body, ctx }: RequestChangeCommand): Promise<CommandAnswer> {
    if (body.scope === undefined && body.validUntil === undefined) {
      throw InvalidRequestError.fields('a change needs scope or validUntil', { scope: ['scope or validUntil is required'] });
    }
    const { actor, history } = await this.runner.begin(ctx, authorizationId);
    return this.runner.execute(
      authorizationId,
      {
        type: 'RequestChange',
        data: {
          actor,
          changeId: uuidv5(ctx.commandId, CHANGE_ID_NAMESPACE),
          ...(body.scope !== undefined ? { scope: plainScope(body.scope) } : {}),
          ...(body.validUntil !== undefined ? { validUntil: new Date(body.validUntil).toISOString() } : {}),
          reason: body.reason,
          catalogue: this.runner.catalogue,
          now: ctx.now,
        },
      },
      ctx,
      history,
    );
  }
}
