import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers, EMPLOYEE_ANSWER } from '../../http/openapi.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { EmployeeIdPipe } from '../employee-id.pipe.js';
import type { EmployeeAnswer } from '../employee-runner.js';
import { EndStandInCommand } from './end-stand-in.command.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('v1/employees')
export class EndStandInController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':id/stand-ins/:standInId')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a stand-in (代理人) before the period is over (the employee or their superior)' })
  @ApiAnswers({ status: 200, description: 'The employee with their remaining stand-ins', schema: EMPLOYEE_ANSWER }, 403, 404, 409, 422)
  end(@Param('id', EmployeeIdPipe) id: string, @Param('standInId', EmployeeIdPipe) standInId: string, @Ctx() ctx: RequestContext): Promise<EmployeeAnswer> {
    return this.commands.execute(new EndStandInCommand(id, standInId, ctx));
  }
}
