import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthorizationIdPipe } from '../../shared/authorization-id.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import { CompleteAuthorizationCommand } from './complete-authorization.command.js';
import { CompleteAuthorizationDto } from './complete-authorization.dto.js';
import { ApiAnswers, AUTHORIZATION_ANSWER } from '../../http/openapi.js';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('v1/authorizations')
export class CompleteAuthorizationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/completion')
  @HttpCode(200)
  @ApiOperation({ summary: "Mark the matter completed (the grantee or their superior)" })
  @ApiAnswers({ status: 200, description: 'The completed authorization', schema: AUTHORIZATION_ANSWER }, 403, 404, 409, 422)
  run(@Param('id', AuthorizationIdPipe) id: string, @Body() body: CompleteAuthorizationDto, @Ctx() ctx: RequestContext): Promise<CommandAnswer> {
    return this.commands.execute(new CompleteAuthorizationCommand(id, body, ctx));
  }
}
