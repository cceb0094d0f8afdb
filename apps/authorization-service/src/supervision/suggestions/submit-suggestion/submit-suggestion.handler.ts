import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { suggestionDecider, suggestionStream } from '../../../../../../libs/domain/src/index.js';
import { type SupervisionAnswer, answer } from '../../supervision-answer.js';
import { SupervisionRunner } from '../../supervision-runner.js';
import { SubmitSuggestionCommand } from './submit-suggestion.command.js';

/** An anonymous suggestion names no author anywhere: not in the event, not in its metadata's actor. */
@CommandHandler(SubmitSuggestionCommand)
export class SubmitSuggestionHandler implements ICommandHandler<SubmitSuggestionCommand> {
  constructor(private readonly runner: SupervisionRunner) {}

  async execute({ body, ctx }: SubmitSuggestionCommand): Promise<SupervisionAnswer> {
    const author = await this.runner.actor(ctx);
    const anonymous = body.anonymous ?? false;
    const suggestionId = this.runner.newId(ctx, 'suggestion');
    const command = { type: 'SubmitSuggestion' as const, data: { suggestionId, author, text: body.text, anonymous } };
    const options = anonymous ? { actor: { id: 'anonymous', kind: 'employee' as const } } : {};
    const { state, position } = await this.runner.run(suggestionStream(suggestionId), suggestionDecider, command, ctx, options);
    return answer(suggestionId, state, position);
  }
}
