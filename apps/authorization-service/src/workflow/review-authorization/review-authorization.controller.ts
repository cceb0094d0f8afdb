import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthorizationIdPipe } from '../../shared/authorization-id.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import { ReviewAuthorizationCommand } from './review-authorization.command.js';
import { ReviewAuthorizationDto } from './review-authorization.dto.js';
import { ApiAnswers, AUTHORIZATION_ANSWER } from '../../http/openapi.js';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('v1/authorizations')
export class ReviewAuthorizationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/review')
  @HttpCode(200)
  @ApiOperation({ summary: "Initial review (初審) by the applicant's direct superior" })
  @ApiAnswers({ status: 200, description: 'The reviewed authorization', schema: AUTHORIZATION_ANSWER }, 403, 404, 409, 422)
  run(@Param('id', AuthorizationIdPipe) id: string, @Body() body: ReviewAuthorizationDto, @Ctx() ctx: RequestContext): Promise<CommandAnswer> {
    return this.commands.execute(new ReviewAuthorizationCommand(id, body, ctx));
  }
}
