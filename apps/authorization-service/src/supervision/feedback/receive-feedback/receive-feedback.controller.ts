import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../shared/request-context.js';
import type { SupervisionAnswer } from '../../supervision-answer.js';
import { ReceiveFeedbackCommand } from './receive-feedback.command.js';
import { ReceiveFeedbackDto } from './receive-feedback.dto.js';
import { ApiAnswers, SUPERVISION_ANSWER } from '../../../http/openapi.js';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/feedback')
export class ReceiveFeedbackController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: "Customer satisfaction about an employee (services with feedback:write)" })
  @ApiAnswers({ status: 201, description: 'The recorded feedback', schema: SUPERVISION_ANSWER }, 403, 404, 409, 422)
  run(@Body() body: ReceiveFeedbackDto, @Ctx() ctx: RequestContext): Promise<SupervisionAnswer> {
    return this.commands.execute(new ReceiveFeedbackCommand(body, ctx));
  }
}
