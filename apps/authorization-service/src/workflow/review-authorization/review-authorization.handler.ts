import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConflictError } from '../../shared/application-errors.js';
import { AuthorizationRunner, type CommandAnswer } from '../authorization-runner.js';
import { ReviewAuthorizationCommand } from './review-authorization.command.js';

@CommandHandler(ReviewAuthorizationCommand)
export class ReviewAuthorizationHandler implements ICommandHandler<ReviewAuthorizationCommand> {
  constructor(private readonly runner: AuthorizationRunner) {}

  async execute({ authorizationId, body, ctx }: ReviewAuthorizationCommand): Promise<CommandAnswer> {
    const { actor, state, history } = await this.runner.begin(ctx, authorizationId);
    // The reviewer is the applicant's superior at review time, so the applicant's entry is read now.
    const applicant = await this.runner.directory.snapshot(state.applicantId);
    if (applicant === null) throw new ConflictError('INVALID_TRANSITION', 'the applicant is no longer in the directory');
    // The superior's entry: their stand-ins (代理人) and, for an escalated review, their own superior.
    const reviewer = applicant.reportsTo === null || applicant.reportsTo === actor.employeeId ? null : await this.runner.directory.snapshot(applicant.reportsTo);
    return this.runner.execute(
      authorizationId,
      { type: 'ReviewAuthorization', data: { actor, applicant, reviewer, decision: body.decision, opinion: body.opinion, now: ctx.now } },
      ctx,
      history,
    );
  }
}
