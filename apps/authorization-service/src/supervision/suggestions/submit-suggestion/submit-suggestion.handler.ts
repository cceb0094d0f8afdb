import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { suggestionDecider, suggestionStream } from '../../../../../../libs/domain/src/index.js';
import { type SupervisionAnswer, answer } from '../../supervision-answer.js';
import { SupervisionRunner } from '../../supervision-runner.js';
import { AuthorDigest, withoutDigest } from '../author-digest.js';
import { SubmitSuggestionCommand } from './submit-suggestion.command.js';

/** An anonymous suggestion names no author anywhere (not in the event, not in its metadata's actor); only a keyed digest lets its author read it back. */
@CommandHandler(SubmitSuggestionCommand)
export class SubmitSuggestionHandler implements ICommandHandler<SubmitSuggestionCommand> {
  constructor(
    private readonly runner: SupervisionRunner,
    private readonly digest: AuthorDigest,
  ) {}

  async execute({ body, ctx }: SubmitSuggestionCommand): Promise<SupervisionAnswer> {
    const author = await this.runner.actor(ctx);
    const anonymous = body.anonymous ?? false;
    const suggestionId = this.runner.newId(ctx, 'suggestion');
    const command = { type: 'SubmitSuggestion' as const, data: { suggestionId, author, text: body.text, anonymous, authorDigest: anonymous ? this.digest.of(suggestionId, author.employeeId) : null } };
    const options = anonymous ? { actor: { id: 'anonymous', kind: 'employee' as const } } : {};
    const { state, position } = await this.runner.run(suggestionStream(suggestionId), suggestionDecider, command, ctx, options);
    return withoutDigest(answer(suggestionId, state, position));
  }
}
