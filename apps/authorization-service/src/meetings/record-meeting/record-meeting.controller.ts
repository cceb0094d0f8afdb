import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers } from '../../http/openapi.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { MEETING } from '../meeting.schemas.js';
import { RecordMeetingCommand } from './record-meeting.command.js';
import { RecordMeetingDto } from './record-meeting.dto.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('v1/meetings')
export class RecordMeetingController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a communication meeting with its minutes and action items (a manager or supervisor)' })
  @ApiAnswers({ status: 201, description: 'The meeting; action items numbered from 0', schema: MEETING }, 403, 409, 422)
  run(@Body() body: RecordMeetingDto, @Ctx() ctx: RequestContext): Promise<Record<string, unknown>> {
    return this.commands.execute(new RecordMeetingCommand(body, ctx));
  }
}
