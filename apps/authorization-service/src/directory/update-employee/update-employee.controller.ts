import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { EmployeeIdPipe } from '../employee-id.pipe.js';
import type { EmployeeAnswer } from '../employee-runner.js';
import { UpdateEmployeeCommand } from './update-employee.command.js';
import { UpdateEmployeeDto } from './update-employee.dto.js';
import { ApiAnswers, EMPLOYEE_ANSWER } from '../../http/openapi.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('v1/employees')
export class UpdateEmployeeController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id')
  @ApiOperation({ summary: 'Update an employee: name, role, team, reporting line, department (directory:write)' })
  @ApiAnswers({ status: 200, description: 'The updated employee', schema: EMPLOYEE_ANSWER }, 403, 404, 409, 422)
  update(@Param('id', EmployeeIdPipe) id: string, @Body() body: UpdateEmployeeDto, @Ctx() ctx: RequestContext): Promise<EmployeeAnswer> {
    return this.commands.execute(new UpdateEmployeeCommand(id, body, ctx));
  }
}
