import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import type { ReviewAuthorizationDto } from './review-authorization.dto.js';

export class ReviewAuthorizationCommand extends Command<CommandAnswer> {
  constructor(
    readonly authorizationId: string,
    readonly body: ReviewAuthorizationDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
