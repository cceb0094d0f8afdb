import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../shared/request-context.js';
import type { SupervisionAnswer } from '../../supervision-answer.js';
import { RaiseEscalationCommand } from './raise-escalation.command.js';
import { RaiseEscalationDto } from './raise-escalation.dto.js';
import { ApiAnswers, SUPERVISION_ANSWER } from '../../../http/openapi.js';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/escalations')
export class RaiseEscalationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: "Escalate an out-of-scope problem to one's superior (any employee, about themself)" })
  @ApiAnswers({ status: 201, description: 'The open escalation', schema: SUPERVISION_ANSWER }, 403, 404, 409, 422)
  run(@Body() body: RaiseEscalationDto, @Ctx() ctx: RequestContext): Promise<SupervisionAnswer> {
    return this.commands.execute(new RaiseEscalationCommand(body, ctx));
  }
}
