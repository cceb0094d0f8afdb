import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { escalationDecider, escalationStream } from '../../../../../../libs/domain/src/index.js';
import { UnprocessableError } from '../../../shared/application-errors.js';
import { type SupervisionAnswer, answer } from '../../supervision-answer.js';
import { SupervisionRunner } from '../../supervision-runner.js';
import { RaiseEscalationCommand } from './raise-escalation.command.js';

/** The caller escalates about themself, to their superior of today (recorded in the event). */
@CommandHandler(RaiseEscalationCommand)
export class RaiseEscalationHandler implements ICommandHandler<RaiseEscalationCommand> {
  constructor(private readonly runner: SupervisionRunner) {}

  async execute({ body, ctx }: RaiseEscalationCommand): Promise<SupervisionAnswer> {
    const employee = await this.runner.actor(ctx);
    if (this.runner.catalogue.authorities[body.authority] === undefined) {
      throw new UnprocessableError('UNKNOWN_AUTHORITY', `no authority ${body.authority} in the catalogue`);
    }
    const escalationId = this.runner.newId(ctx, 'escalation');
    const context = body.context === undefined ? null : { ...(body.context.amount !== undefined ? { amount: body.context.amount } : {}), ...(body.context.channel !== undefined ? { channel: body.context.channel } : {}) };
    const command = { type: 'RaiseEscalation' as const, data: { escalationId, employee, authority: body.authority, context, summary: body.summary } };
    const { state, position } = await this.runner.run(escalationStream(escalationId), escalationDecider, command, ctx);
    return answer(escalationId, state, position);
  }
}
