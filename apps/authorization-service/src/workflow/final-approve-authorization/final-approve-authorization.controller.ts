import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthorizationIdPipe } from '../../shared/authorization-id.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import { FinalApproveAuthorizationCommand } from './final-approve-authorization.command.js';
import { FinalApproveAuthorizationDto } from './final-approve-authorization.dto.js';
import { ApiAnswers, AUTHORIZATION_ANSWER } from '../../http/openapi.js';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('v1/authorizations')
export class FinalApproveAuthorizationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/final-approval')
  @HttpCode(200)
  @ApiOperation({ summary: "Final approval by an executive (major matters, or above the manager's limit)" })
  @ApiAnswers({ status: 200, description: 'The finally approved (or rejected) authorization', schema: AUTHORIZATION_ANSWER }, 403, 404, 409, 422)
  run(@Param('id', AuthorizationIdPipe) id: string, @Body() body: FinalApproveAuthorizationDto, @Ctx() ctx: RequestContext): Promise<CommandAnswer> {
    return this.commands.execute(new FinalApproveAuthorizationCommand(id, body, ctx));
  }
}
