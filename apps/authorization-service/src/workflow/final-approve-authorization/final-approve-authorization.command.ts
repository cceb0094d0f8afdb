import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import type { FinalApproveAuthorizationDto } from './final-approve-authorization.dto.js';

export class FinalApproveAuthorizationCommand extends Command<CommandAnswer> {
  constructor(
    readonly authorizationId: string,
    readonly body: FinalApproveAuthorizationDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
