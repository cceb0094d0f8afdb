import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../shared/request-context.js';
import type { SupervisionAnswer } from '../../supervision-answer.js';
import type { ResolveEscalationDto } from './resolve-escalation.dto.js';

export class ResolveEscalationCommand extends Command<SupervisionAnswer> {
  constructor(
    readonly id: string,
    readonly body: ResolveEscalationDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
