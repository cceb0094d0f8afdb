import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import type { TrainingPlanAnswer } from '../training-plan-answer.js';
import type { PublishTrainingPlanDto } from './publish-training-plan.dto.js';

export class PublishTrainingPlanCommand extends Command<TrainingPlanAnswer> {
  constructor(
    readonly body: PublishTrainingPlanDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
