import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../shared/request-context.js';
import type { SupervisionAnswer } from '../../supervision-answer.js';
import { SupervisionIdPipe } from '../../supervision-id.pipe.js';
import { AnswerSuggestionCommand } from './answer-suggestion.command.js';
import { AnswerSuggestionDto } from './answer-suggestion.dto.js';
import { ApiAnswers, SUPERVISION_ANSWER } from '../../../http/openapi.js';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/suggestions')
export class AnswerSuggestionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/response')
  @HttpCode(200)
  @ApiOperation({ summary: "Answer a suggestion, once (a manager)" })
  @ApiAnswers({ status: 200, description: 'The answered suggestion', schema: SUPERVISION_ANSWER }, 403, 404, 409, 422)
  run(@Param('id', SupervisionIdPipe) id: string, @Body() body: AnswerSuggestionDto, @Ctx() ctx: RequestContext): Promise<SupervisionAnswer> {
    return this.commands.execute(new AnswerSuggestionCommand(id, body, ctx));
  }
}
