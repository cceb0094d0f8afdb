import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../shared/request-context.js';
import type { SupervisionAnswer } from '../../supervision-answer.js';
import type { RecordAssessmentDto } from './record-assessment.dto.js';

export class RecordAssessmentCommand extends Command<SupervisionAnswer> {
  constructor(
    readonly body: RecordAssessmentDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
