import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import type { WithdrawApplicationDto } from './withdraw-application.dto.js';

export class WithdrawApplicationCommand extends Command<CommandAnswer> {
  constructor(
    readonly authorizationId: string,
    readonly body: WithdrawApplicationDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
