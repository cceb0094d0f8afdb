import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { suggestionDecider, suggestionStream } from '../../../../../../libs/domain/src/index.js';
import { type SupervisionAnswer, answer } from '../../supervision-answer.js';
import { SupervisionRunner } from '../../supervision-runner.js';
import { withoutDigest } from '../author-digest.js';
import { AnswerSuggestionCommand } from './answer-suggestion.command.js';

@CommandHandler(AnswerSuggestionCommand)
export class AnswerSuggestionHandler implements ICommandHandler<AnswerSuggestionCommand> {
  constructor(private readonly runner: SupervisionRunner) {}

  async execute({ id, body, ctx }: AnswerSuggestionCommand): Promise<SupervisionAnswer> {
    const actor = await this.runner.actor(ctx);
    await this.runner.load(suggestionStream(id), suggestionDecider, 'suggestion', id);
    const command = { type: 'AnswerSuggestion' as const, data: { actor, response: body.response, adopted: body.adopted } };
    const { state, position } = await this.runner.run(suggestionStream(id), suggestionDecider, command, ctx);
    return withoutDigest(answer(id, state, position));
  }
}
