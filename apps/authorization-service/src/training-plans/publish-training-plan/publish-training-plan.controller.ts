import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers } from '../../http/openapi.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import type { TrainingPlanAnswer } from '../training-plan-answer.js';
import { TRAINING_PLAN } from '../training-plan.schemas.js';
import { PublishTrainingPlanCommand } from './publish-training-plan.command.js';
import { PublishTrainingPlanDto } from './publish-training-plan.dto.js';

@ApiTags('training')
@ApiBearerAuth()
@Controller('v1/training-plans')
export class PublishTrainingPlanController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Publish the annual training plan (a manager; one plan per year: a second is 409)' })
  @ApiAnswers({ status: 201, description: 'The plan, its sessions with their ids', schema: TRAINING_PLAN }, 403, 409, 422)
  run(@Body() body: PublishTrainingPlanDto, @Ctx() ctx: RequestContext): Promise<TrainingPlanAnswer> {
    return this.commands.execute(new PublishTrainingPlanCommand(body, ctx));
  }
}
