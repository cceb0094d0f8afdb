import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers, SUPERVISION_ANSWER } from '../../http/openapi.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import type { SupervisionAnswer } from '../../supervision/supervision-answer.js';
import { RecordPolicyReviewCommand } from './record-policy-review.command.js';
import { RecordPolicyReviewDto } from './record-policy-review.dto.js';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('v1/policy-reviews')
export class RecordPolicyReviewController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a periodic review of the policy: findings and proposed changes (a manager)' })
  @ApiAnswers({ status: 201, description: 'The review', schema: SUPERVISION_ANSWER }, 403, 409, 422)
  run(@Body() body: RecordPolicyReviewDto, @Ctx() ctx: RequestContext): Promise<SupervisionAnswer> {
    return this.commands.execute(new RecordPolicyReviewCommand(body, ctx));
  }
}
