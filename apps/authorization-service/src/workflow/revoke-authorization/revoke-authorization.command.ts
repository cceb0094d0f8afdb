import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import type { RevokeAuthorizationDto } from './revoke-authorization.dto.js';

export class RevokeAuthorizationCommand extends Command<CommandAnswer> {
  constructor(
    readonly authorizationId: string,
    readonly body: RevokeAuthorizationDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
