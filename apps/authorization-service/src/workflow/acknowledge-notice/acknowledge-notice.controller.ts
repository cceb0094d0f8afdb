import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthorizationIdPipe } from '../../shared/authorization-id.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import { AcknowledgeNoticeCommand } from './acknowledge-notice.command.js';
import { AcknowledgeNoticeDto } from './acknowledge-notice.dto.js';
import { ApiAnswers, AUTHORIZATION_ANSWER } from '../../http/openapi.js';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('v1/authorizations')
export class AcknowledgeNoticeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/acknowledgement')
  @HttpCode(200)
  @ApiOperation({ summary: "The applicant acknowledges the notice; the authorization is then in force" })
  @ApiAnswers({ status: 200, description: 'The acknowledged authorization, in force from validFrom', schema: AUTHORIZATION_ANSWER }, 403, 404, 409, 422)
  run(@Param('id', AuthorizationIdPipe) id: string, @Body() body: AcknowledgeNoticeDto, @Ctx() ctx: RequestContext): Promise<CommandAnswer> {
    return this.commands.execute(new AcknowledgeNoticeCommand(id, body, ctx));
  }
}
