import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../shared/request-context.js';
import type { SupervisionAnswer } from '../../supervision-answer.js';
import type { RaiseEscalationDto } from './raise-escalation.dto.js';

export class RaiseEscalationCommand extends Command<SupervisionAnswer> {
  constructor(
    readonly body: RaiseEscalationDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
