import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import type { IssueNoticeDto } from './issue-notice.dto.js';

export class IssueNoticeCommand extends Command<CommandAnswer> {
  constructor(
    readonly authorizationId: string,
    readonly body: IssueNoticeDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
