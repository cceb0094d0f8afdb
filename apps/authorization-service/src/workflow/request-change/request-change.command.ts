import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import type { RequestChangeDto } from './request-change.dto.js';

export class RequestChangeCommand extends Command<CommandAnswer> {
  constructor(
    readonly authorizationId: string,
    readonly body: RequestChangeDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
