import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EmployeeAnswer } from '../../../directory/employee-runner.js';
import { EmployeeIdPipe } from '../../../directory/employee-id.pipe.js';
import { Ctx, type RequestContext } from '../../../shared/request-context.js';
import { RecordTrainingCommand } from './record-training.command.js';
import { RecordTrainingDto } from './record-training.dto.js';
import { ApiAnswers, EMPLOYEE_ANSWER } from '../../../http/openapi.js';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/employees')
export class RecordTrainingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/trainings')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a completed training (directory:write, or tech_support delivering it)' })
  @ApiAnswers({ status: 201, description: 'The employee with the training recorded', schema: EMPLOYEE_ANSWER }, 403, 404, 409, 422)
  run(@Param('id', EmployeeIdPipe) id: string, @Body() body: RecordTrainingDto, @Ctx() ctx: RequestContext): Promise<EmployeeAnswer> {
    return this.commands.execute(new RecordTrainingCommand(id, body, ctx));
  }
}
