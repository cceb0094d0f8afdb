import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthorizationIdPipe } from '../../shared/authorization-id.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import { ApproveAuthorizationCommand } from './approve-authorization.command.js';
import { ApproveAuthorizationDto } from './approve-authorization.dto.js';
import { ApiAnswers, AUTHORIZATION_ANSWER } from '../../http/openapi.js';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('v1/authorizations')
export class ApproveAuthorizationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/approval')
  @HttpCode(200)
  @ApiOperation({ summary: "Approval (審批) by a call-center manager" })
  @ApiAnswers({ status: 200, description: 'The approved (or rejected) authorization', schema: AUTHORIZATION_ANSWER }, 403, 404, 409, 422)
  run(@Param('id', AuthorizationIdPipe) id: string, @Body() body: ApproveAuthorizationDto, @Ctx() ctx: RequestContext): Promise<CommandAnswer> {
    return this.commands.execute(new ApproveAuthorizationCommand(id, body, ctx));
  }
}
