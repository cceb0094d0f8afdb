import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import type { ApplyForAuthorizationDto } from './apply-for-authorization.dto.js';

export class ApplyForAuthorizationCommand extends Command<CommandAnswer> {
  constructor(
    readonly body: ApplyForAuthorizationDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
