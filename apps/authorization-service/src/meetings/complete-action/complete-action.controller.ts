import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiAnswers } from '../../http/openapi.js';
import { NotFoundError } from '../../shared/application-errors.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { EmptyBodyDto } from '../../shared/validators.js';
import { SupervisionIdPipe } from '../../supervision/supervision-id.pipe.js';
import { MEETING } from '../meeting.schemas.js';
import { CompleteActionCommand } from './complete-action.command.js';

const actionNumber = (value: string): number => {
  if (!/^(?:0|[1-9][0-9]{0,3})$/.test(value)) throw new NotFoundError('action item', value.slice(0, 16));
  return Number(value);
};

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('v1/meetings')
export class CompleteActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/actions/:n/completion')
  @HttpCode(200)
  @ApiOperation({ summary: "Complete a meeting's action item (its owner or the meeting's recorder)" })
  @ApiParam({ name: 'n', schema: { type: 'string', pattern: '^(?:0|[1-9][0-9]{0,3})$' } })
  @ApiAnswers({ status: 200, description: 'The meeting', schema: MEETING }, 403, 404, 409)
  run(@Param('id', SupervisionIdPipe) id: string, @Param('n') n: string, @Body() _body: EmptyBodyDto, @Ctx() ctx: RequestContext): Promise<Record<string, unknown>> {
    return this.commands.execute(new CompleteActionCommand(id, actionNumber(n), ctx));
  }
}
