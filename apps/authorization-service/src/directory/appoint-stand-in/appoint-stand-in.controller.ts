import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers, EMPLOYEE_ANSWER } from '../../http/openapi.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { EmployeeIdPipe } from '../employee-id.pipe.js';
import type { EmployeeAnswer } from '../employee-runner.js';
import { AppointStandInCommand } from './appoint-stand-in.command.js';
import { AppointStandInDto } from './appoint-stand-in.dto.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('v1/employees')
export class AppointStandInController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/stand-ins')
  @HttpCode(201)
  @ApiOperation({ summary: "Name a stand-in (代理人) for a period: the employee's review, approval, final-approval and notice tasks are also theirs (the employee or their superior)" })
  @ApiAnswers({ status: 201, description: 'The employee with their stand-ins', schema: EMPLOYEE_ANSWER }, 403, 404, 409, 422)
  appoint(@Param('id', EmployeeIdPipe) id: string, @Body() body: AppointStandInDto, @Ctx() ctx: RequestContext): Promise<EmployeeAnswer> {
    return this.commands.execute(new AppointStandInCommand(id, body, ctx));
  }
}
