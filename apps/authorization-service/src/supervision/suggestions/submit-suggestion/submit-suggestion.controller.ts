import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../shared/request-context.js';
import type { SupervisionAnswer } from '../../supervision-answer.js';
import { SubmitSuggestionCommand } from './submit-suggestion.command.js';
import { SubmitSuggestionDto } from './submit-suggestion.dto.js';
import { ApiAnswers, SUPERVISION_ANSWER } from '../../../http/openapi.js';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/suggestions')
export class SubmitSuggestionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: "Suggest a change to the policy (any employee, optionally anonymous)" })
  @ApiAnswers({ status: 201, description: 'The open suggestion', schema: SUPERVISION_ANSWER }, 403, 409, 422)
  run(@Body() body: SubmitSuggestionDto, @Ctx() ctx: RequestContext): Promise<SupervisionAnswer> {
    return this.commands.execute(new SubmitSuggestionCommand(body, ctx));
  }
}
