import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../shared/request-context.js';
import type { SupervisionAnswer } from '../../supervision-answer.js';
import type { AnswerSuggestionDto } from './answer-suggestion.dto.js';

export class AnswerSuggestionCommand extends Command<SupervisionAnswer> {
  constructor(
    readonly id: string,
    readonly body: AnswerSuggestionDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
