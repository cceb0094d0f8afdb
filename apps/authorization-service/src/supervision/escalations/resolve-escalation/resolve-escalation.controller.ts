import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../shared/request-context.js';
import type { SupervisionAnswer } from '../../supervision-answer.js';
import { SupervisionIdPipe } from '../../supervision-id.pipe.js';
import { ResolveEscalationCommand } from './resolve-escalation.command.js';
import { ResolveEscalationDto } from './resolve-escalation.dto.js';
import { ApiAnswers, SUPERVISION_ANSWER } from '../../../http/openapi.js';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/escalations')
export class ResolveEscalationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/resolution')
  @HttpCode(200)
  @ApiOperation({ summary: "Resolve an escalation (the superior it was raised to, or a manager)" })
  @ApiAnswers({ status: 200, description: 'The resolved escalation', schema: SUPERVISION_ANSWER }, 403, 404, 409, 422)
  run(@Param('id', SupervisionIdPipe) id: string, @Body() body: ResolveEscalationDto, @Ctx() ctx: RequestContext): Promise<SupervisionAnswer> {
    return this.commands.execute(new ResolveEscalationCommand(id, body, ctx));
  }
}
