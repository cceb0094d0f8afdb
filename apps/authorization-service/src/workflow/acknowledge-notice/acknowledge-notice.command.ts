import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import type { AcknowledgeNoticeDto } from './acknowledge-notice.dto.js';

export class AcknowledgeNoticeCommand extends Command<CommandAnswer> {
  constructor(
    readonly authorizationId: string,
    readonly body: AcknowledgeNoticeDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
