import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import type { CommandAnswer } from '../authorization-runner.js';
import { ApplyForAuthorizationCommand } from './apply-for-authorization.command.js';
import { ApplyForAuthorizationDto } from './apply-for-authorization.dto.js';
import { ApiAnswers, AUTHORIZATION_ANSWER } from '../../http/openapi.js';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('v1/applications')
export class ApplyForAuthorizationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Apply for an authorization (授權申請表)', description: 'The caller is the applicant. The new authorization has no version yet, so an If-Match header (even `*`) is refused with 400 VALIDATION_FAILED naming it; an Idempotency-Key makes a retry safe.' })
  @ApiAnswers({ status: 201, description: 'Applied: the new authorization, pending review (or approval)', schema: AUTHORIZATION_ANSWER }, 403, 409, 422)
  apply(@Body() body: ApplyForAuthorizationDto, @Ctx() ctx: RequestContext): Promise<CommandAnswer> {
    return this.commands.execute(new ApplyForAuthorizationCommand(body, ctx));
  }
}
