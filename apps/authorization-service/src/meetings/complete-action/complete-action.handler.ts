import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { meetingDecider, meetingStream } from '../../../../../libs/domain/src/index.js';
import { SupervisionRunner } from '../../supervision/supervision-runner.js';
import { meetingAnswer } from '../meeting-answer.js';
import { CompleteActionCommand } from './complete-action.command.js';

@CommandHandler(CompleteActionCommand)
export class CompleteActionHandler implements ICommandHandler<CompleteActionCommand> {
  constructor(private readonly runner: SupervisionRunner) {}

  async execute({ meetingId, n, ctx }: CompleteActionCommand): Promise<Record<string, unknown>> {
    const actor = await this.runner.actor(ctx);
    await this.runner.load(meetingStream(meetingId), meetingDecider, 'meeting', meetingId);
    const { state, position } = await this.runner.run(meetingStream(meetingId), meetingDecider, { type: 'CompleteMeetingAction', data: { n, actor } }, ctx);
    return meetingAnswer(state, position);
  }
}
