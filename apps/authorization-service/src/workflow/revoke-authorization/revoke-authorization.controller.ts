import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthorizationIdPipe } from '../../shared/authorization-id.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import { RevokeAuthorizationCommand } from './revoke-authorization.command.js';
import { RevokeAuthorizationDto } from './revoke-authorization.dto.js';
import { ApiAnswers, AUTHORIZATION_ANSWER } from '../../http/openapi.js';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('v1/authorizations')
export class RevokeAuthorizationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/revocation')
  @HttpCode(200)
  @ApiOperation({ summary: "Revoke an active grant (the grantee's superior or a manager)" })
  @ApiAnswers({ status: 200, description: 'The revoked authorization', schema: AUTHORIZATION_ANSWER }, 403, 404, 409, 422)
  run(@Param('id', AuthorizationIdPipe) id: string, @Body() body: RevokeAuthorizationDto, @Ctx() ctx: RequestContext): Promise<CommandAnswer> {
    return this.commands.execute(new RevokeAuthorizationCommand(id, body, ctx));
  }
}
