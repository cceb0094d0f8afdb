import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../shared/request-context.js';
import type { SupervisionAnswer } from '../../supervision-answer.js';
import { RecordInspectionCommand } from './record-inspection.command.js';
import { RecordInspectionDto } from './record-inspection.dto.js';
import { ApiAnswers, SUPERVISION_ANSWER } from '../../../http/openapi.js';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/inspections')
export class RecordInspectionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: "Record a periodic or spot inspection (the employee's superior or a manager)" })
  @ApiAnswers({ status: 201, description: 'The recorded inspection', schema: SUPERVISION_ANSWER }, 403, 404, 409, 422)
  run(@Body() body: RecordInspectionDto, @Ctx() ctx: RequestContext): Promise<SupervisionAnswer> {
    return this.commands.execute(new RecordInspectionCommand(body, ctx));
  }
}
