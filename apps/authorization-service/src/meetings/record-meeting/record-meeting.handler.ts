import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { meetingDecider, meetingStream, type RecordMeeting } from '../../../../../libs/domain/src/index.js';
import { SupervisionRunner } from '../../supervision/supervision-runner.js';
import { meetingAnswer } from '../meeting-answer.js';
import { RecordMeetingCommand } from './record-meeting.command.js';

/** Attendees and action owners must be in the directory (422 UNKNOWN_EMPLOYEE otherwise). */
@CommandHandler(RecordMeetingCommand)
export class RecordMeetingHandler implements ICommandHandler<RecordMeetingCommand> {
  constructor(private readonly runner: SupervisionRunner) {}

  async execute({ body, ctx }: RecordMeetingCommand): Promise<Record<string, unknown>> {
    const recorder = await this.runner.actor(ctx);
    for (const id of new Set([...body.attendees, ...body.actions.map((a) => a.owner)])) await this.runner.subject(id);
    const meetingId = this.runner.newId(ctx, 'meeting');
    const command: RecordMeeting = {
      type: 'RecordMeeting',
      data: {
        meetingId,
        recorder,
        kind: body.kind,
        team: body.team ?? null,
        heldAt: new Date(body.heldAt).toISOString(),
        attendees: body.attendees,
        minutes: body.minutes,
        actions: body.actions.map((a) => ({ owner: a.owner, text: a.text, dueAt: new Date(a.dueAt).toISOString() })),
      },
    };
    const { state, position } = await this.runner.run(meetingStream(meetingId), meetingDecider, command, ctx);
    return meetingAnswer(state, position);
  }
}
