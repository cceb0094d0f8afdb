import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { feedbackDecider, feedbackStream } from '../../../../../../libs/domain/src/index.js';
import { hasScope } from '../../../auth/principal.js';
import { ForbiddenError } from '../../../shared/application-errors.js';
import { type SupervisionAnswer, answer } from '../../supervision-answer.js';
import { SupervisionRunner } from '../../supervision-runner.js';
import { ReceiveFeedbackCommand } from './receive-feedback.command.js';

@CommandHandler(ReceiveFeedbackCommand)
export class ReceiveFeedbackHandler implements ICommandHandler<ReceiveFeedbackCommand> {
  constructor(private readonly runner: SupervisionRunner) {}

  async execute({ body, ctx }: ReceiveFeedbackCommand): Promise<SupervisionAnswer> {
    if (!hasScope(ctx.principal, 'feedback:write')) throw new ForbiddenError('SCOPE_REQUIRED', 'customer feedback comes from services with the feedback:write scope');
    await this.runner.subject(body.employeeId);
    const feedbackId = this.runner.newId(ctx, 'feedback');
    const data = { feedbackId, employeeId: body.employeeId, score: body.score, channel: body.channel ?? null, comment: body.comment ?? null, receivedFrom: ctx.principal.id };
    const { state, position } = await this.runner.run(feedbackStream(feedbackId), feedbackDecider, { type: 'ReceiveCustomerFeedback', data }, ctx);
    return answer(feedbackId, state, position);
  }
}
