import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthorizationIdPipe } from '../../shared/authorization-id.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import { RequestChangeCommand } from './request-change.command.js';
import { RequestChangeDto } from './request-change.dto.js';
import { ApiAnswers, AUTHORIZATION_ANSWER } from '../../http/openapi.js';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('v1/authorizations')
export class RequestChangeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/changes')
  @HttpCode(200)
  @ApiOperation({ summary: "Request a change of scope or validity (授權變更申請表) of a grant in force" })
  @ApiAnswers({ status: 200, description: 'The authorization with its pending change', schema: AUTHORIZATION_ANSWER }, 403, 404, 409, 422)
  run(@Param('id', AuthorizationIdPipe) id: string, @Body() body: RequestChangeDto, @Ctx() ctx: RequestContext): Promise<CommandAnswer> {
    return this.commands.execute(new RequestChangeCommand(id, body, ctx));
  }
}
