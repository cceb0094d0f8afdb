import { Controller, Get, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { TrainingPlanDoc } from '../../../../../libs/read-models/src/records/record-kinds.js';
import { ApiAnswers, ApiConsistencyToken } from '../../http/openapi.js';
import { ReadModelConsistency } from '../../queries/read-model-consistency.js';
import { NotFoundError } from '../../shared/application-errors.js';
import { TRAINING_PLAN } from '../training-plan.schemas.js';
import { YearPipe } from '../year.pipe.js';

@ApiTags('training')
@ApiBearerAuth()
@Controller('v1/training-plans')
export class GetTrainingPlanController {
  constructor(private readonly consistency: ReadModelConsistency) {}

  @Get(':year')
  @ApiOperation({ summary: "A year's training plan with each session's attendance (any authenticated principal)" })
  @ApiParam({ name: 'year', schema: { type: 'string', pattern: '^[0-9]{4}$' } })
  @ApiAnswers({ status: 200, description: 'The plan', schema: TRAINING_PLAN }, 404)
  @ApiConsistencyToken()
  async get(@Param('year', YearPipe) year: number, @Headers('x-consistency-token') token?: string): Promise<TrainingPlanDoc> {
    const plan = await (await this.consistency.recordsAt(token)).getTrainingPlan(year);
    if (plan === null) throw new NotFoundError('training plan', String(year));
    return plan;
  }
}

