import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { SupervisionAnswer } from '../../supervision/supervision-answer.js';
import type { RecordPolicyReviewDto } from './record-policy-review.dto.js';

export class RecordPolicyReviewCommand extends Command<SupervisionAnswer> {
  constructor(
    readonly body: RecordPolicyReviewDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
