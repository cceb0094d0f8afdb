import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { EmployeeIdPipe } from '../employee-id.pipe.js';
import type { EmployeeAnswer } from '../employee-runner.js';
import { RecordDepartureCommand } from './record-departure.command.js';
import { RecordDepartureDto } from './record-departure.dto.js';
import { ApiAnswers, EMPLOYEE_ANSWER } from '../../http/openapi.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('v1/employees')
export class RecordDepartureController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/departure')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that an employee left: grants revoked, open applications withdrawn (directory:write)' })
  @ApiAnswers({ status: 200, description: 'The departed employee', schema: EMPLOYEE_ANSWER }, 403, 404, 409, 422)
  depart(@Param('id', EmployeeIdPipe) id: string, @Body() body: RecordDepartureDto, @Ctx() ctx: RequestContext): Promise<EmployeeAnswer> {
    return this.commands.execute(new RecordDepartureCommand(id, body, ctx));
  }
}
