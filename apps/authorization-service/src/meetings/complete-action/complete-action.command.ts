import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';

export class CompleteActionCommand extends Command<Record<string, unknown>> {
  constructor(
    readonly meetingId: string,
    readonly n: number,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
