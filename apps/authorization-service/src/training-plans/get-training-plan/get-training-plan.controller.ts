import { freshRecords } from '../../shared/fresh-records.js';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { TrainingPlanDoc } from '../../../../../libs/read-models/src/records/record-kinds.js';
import { RecordsReader } from '../../../../../libs/read-models/src/records/records.module.js';
import { ApiAnswers } from '../../http/openapi.js';
import { NotFoundError } from '../../shared/application-errors.js';
import { TRAINING_PLAN } from '../training-plan.schemas.js';
import { YearPipe } from '../year.pipe.js';

@ApiTags('training')
@ApiBearerAuth()
@Controller('v1/training-plans')
export class GetTrainingPlanController {
  constructor(private readonly records: RecordsReader) {}

  @Get(':year')
  @ApiOperation({ summary: "A year's training plan with each session's attendance (any authenticated principal)" })
  @ApiParam({ name: 'year', schema: { type: 'string', pattern: '^[0-9]{4}$' } })
  @ApiAnswers({ status: 200, description: 'The plan', schema: TRAINING_PLAN }, 404)
  async get(@Param('year', YearPipe) year: number): Promise<TrainingPlanDoc> {
    const plan = await (await freshRecords(this.records)).getTrainingPlan(year);
    if (plan === null) throw new NotFoundError('training plan', String(year));
    return plan;
  }
}

