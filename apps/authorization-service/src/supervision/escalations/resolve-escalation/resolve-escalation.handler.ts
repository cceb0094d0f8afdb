import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { escalationDecider, escalationStream } from '../../../../../../libs/domain/src/index.js';
import { type SupervisionAnswer, answer } from '../../supervision-answer.js';
import { SupervisionRunner } from '../../supervision-runner.js';
import { ResolveEscalationCommand } from './resolve-escalation.command.js';

@CommandHandler(ResolveEscalationCommand)
export class ResolveEscalationHandler implements ICommandHandler<ResolveEscalationCommand> {
  constructor(private readonly runner: SupervisionRunner) {}

  async execute({ id, body, ctx }: ResolveEscalationCommand): Promise<SupervisionAnswer> {
    const actor = await this.runner.actor(ctx);
    await this.runner.load(escalationStream(id), escalationDecider, 'escalation', id);
    const command = { type: 'ResolveEscalation' as const, data: { actor, resolution: body.resolution } };
    const { state, position } = await this.runner.run(escalationStream(id), escalationDecider, command, ctx);
    return answer(id, state, position);
  }
}
