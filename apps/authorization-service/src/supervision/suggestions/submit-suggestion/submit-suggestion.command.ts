import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../shared/request-context.js';
import type { SupervisionAnswer } from '../../supervision-answer.js';
import type { SubmitSuggestionDto } from './submit-suggestion.dto.js';

export class SubmitSuggestionCommand extends Command<SupervisionAnswer> {
  constructor(
    readonly body: SubmitSuggestionDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
