import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { RecordMeetingDto } from './record-meeting.dto.js';

export class RecordMeetingCommand extends Command<Record<string, unknown>> {
  constructor(
    readonly body: RecordMeetingDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
