import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthorizationIdPipe } from '../../shared/authorization-id.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import { IssueNoticeCommand } from './issue-notice.command.js';
import { IssueNoticeDto } from './issue-notice.dto.js';
import { ApiAnswers, AUTHORIZATION_ANSWER } from '../../http/openapi.js';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('v1/authorizations')
export class IssueNoticeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/notice')
  @HttpCode(200)
  @ApiOperation({ summary: "Issue the authorization notice (授權通知書) with copies to departments" })
  @ApiAnswers({ status: 200, description: 'The authorization with its notice, pending acknowledgement', schema: AUTHORIZATION_ANSWER }, 403, 404, 409, 422)
  run(@Param('id', AuthorizationIdPipe) id: string, @Body() body: IssueNoticeDto, @Ctx() ctx: RequestContext): Promise<CommandAnswer> {
    return this.commands.execute(new IssueNoticeCommand(id, body, ctx));
  }
}
