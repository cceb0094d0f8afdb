import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v5 as uuidv5 } from 'uuid';
import { refuseIfMatchOnCreation } from '../../shared/if-match.js';
import { plainScope } from '../../shared/validators.js';
import { AuthorizationRunner, type CommandAnswer } from '../authorization-runner.js';
import { ApplyForAuthorizationCommand } from './apply-for-authorization.command.js';

/** The authorization id comes from the command id, so a retried application lands on the same stream. */
const AUTHORIZATION_ID_NAMESPACE = 'a3d8c3b2-5f0e-4e0b-8d2c-9b7a1f6e5c41';

@CommandHandler(ApplyForAuthorizationCommand)
export class ApplyForAuthorizationHandler implements ICommandHandler<ApplyForAuthorizationCommand> {
  constructor(private readonly runner: AuthorizationRunner) {}

  async execute({ body, ctx }: ApplyForAuthorizationCommand): Promise<CommandAnswer> {
    refuseIfMatchOnCreation(ctx.ifMatch);
    const applicant = await this.runner.actor(ctx);
    const authorizationId = uuidv5(ctx.commandId, AUTHORIZATION_ID_NAMESPACE);
    return this.runner.execute(
      authorizationId,
      {
        type: 'ApplyForAuthorization',
        data: {
          authorizationId,
          applicant,
          matter: body.matter,
          scope: plainScope(body.scope),
          reason: body.reason,
          validFrom: new Date(body.validFrom).toISOString(),
          validUntil: new Date(body.validUntil).toISOString(),
          catalogue: this.runner.catalogue,
          now: ctx.now,
        },
      },
      ctx,
      // A new stream (its id comes from this command): nothing to read; a retry is de-duplicated by the store.
      [],
    );
  }
}
