import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthorizationIdPipe } from '../../shared/authorization-id.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import { WithdrawApplicationCommand } from './withdraw-application.command.js';
import { WithdrawApplicationDto } from './withdraw-application.dto.js';
import { ApiAnswers, AUTHORIZATION_ANSWER } from '../../http/openapi.js';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('v1/authorizations')
export class WithdrawApplicationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: "Withdraw an application before the notice is issued (the applicant)" })
  @ApiAnswers({ status: 200, description: 'The withdrawn application', schema: AUTHORIZATION_ANSWER }, 403, 404, 409, 422)
  run(@Param('id', AuthorizationIdPipe) id: string, @Body() body: WithdrawApplicationDto, @Ctx() ctx: RequestContext): Promise<CommandAnswer> {
    return this.commands.execute(new WithdrawApplicationCommand(id, body, ctx));
  }
}
