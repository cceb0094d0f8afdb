import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../shared/request-context.js';
import type { SupervisionAnswer } from '../../supervision-answer.js';
import type { ReceiveFeedbackDto } from './receive-feedback.dto.js';

export class ReceiveFeedbackCommand extends Command<SupervisionAnswer> {
  constructor(
    readonly body: ReceiveFeedbackDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
