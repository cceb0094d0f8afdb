import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import type { CompleteAuthorizationDto } from './complete-authorization.dto.js';

export class CompleteAuthorizationCommand extends Command<CommandAnswer> {
  constructor(
    readonly authorizationId: string,
    readonly body: CompleteAuthorizationDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
