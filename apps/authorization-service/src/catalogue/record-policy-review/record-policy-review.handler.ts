import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { policyReviewDecider, policyReviewStream } from '../../../../../libs/domain/src/index.js';
import { answer, type SupervisionAnswer } from '../../supervision/supervision-answer.js';
import { SupervisionRunner } from '../../supervision/supervision-runner.js';
import { RecordPolicyReviewCommand } from './record-policy-review.command.js';

/** The catalogue version reviewed is the event's `policyVersion` (the one in force). */
@CommandHandler(RecordPolicyReviewCommand)
export class RecordPolicyReviewHandler implements ICommandHandler<RecordPolicyReviewCommand> {
  constructor(private readonly runner: SupervisionRunner) {}

  async execute({ body, ctx }: RecordPolicyReviewCommand): Promise<SupervisionAnswer> {
    const reviewer = await this.runner.actor(ctx);
    const reviewId = this.runner.newId(ctx, 'policy-review');
    const command = { type: 'RecordPolicyReview' as const, data: { reviewId, reviewer, findings: body.findings, changesProposed: body.changesProposed } };
    const { state, position } = await this.runner.run(policyReviewStream(reviewId), policyReviewDecider, command, ctx);
    return { ...answer(reviewId, state, position), policyVersion: this.runner.catalogue.version };
  }
}
