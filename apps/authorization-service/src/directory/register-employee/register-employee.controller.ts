import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import type { EmployeeAnswer } from '../employee-runner.js';
import { RegisterEmployeeCommand } from './register-employee.command.js';
import { RegisterEmployeeDto } from './register-employee.dto.js';
import { ApiAnswers, EMPLOYEE_ANSWER } from '../../http/openapi.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('v1/employees')
export class RegisterEmployeeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register an employee (directory:write)' })
  @ApiAnswers({ status: 201, description: 'The registered employee', schema: EMPLOYEE_ANSWER }, 403, 404, 409, 422)
  register(@Body() body: RegisterEmployeeDto, @Ctx() ctx: RequestContext): Promise<EmployeeAnswer> {
    return this.commands.execute(new RegisterEmployeeCommand(body, ctx));
  }
}
