import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import type { ApproveAuthorizationDto } from './approve-authorization.dto.js';

export class ApproveAuthorizationCommand extends Command<CommandAnswer> {
  constructor(
    readonly authorizationId: string,
    readonly body: ApproveAuthorizationDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
