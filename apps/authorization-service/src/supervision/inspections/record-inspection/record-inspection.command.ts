import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../shared/request-context.js';
import type { SupervisionAnswer } from '../../supervision-answer.js';
import type { RecordInspectionDto } from './record-inspection.dto.js';

export class RecordInspectionCommand extends Command<SupervisionAnswer> {
  constructor(
    readonly body: RecordInspectionDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
