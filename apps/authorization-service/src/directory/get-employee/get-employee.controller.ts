import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EmployeeSnapshot } from '../../../../../libs/domain/src/index.js';
import { NotFoundError } from '../../shared/application-errors.js';
import { DirectoryService } from '../directory.service.js';
import { EmployeeIdPipe } from '../employee-id.pipe.js';
import { ApiAnswers, EMPLOYEE } from '../../http/openapi.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('v1/employees')
export class GetEmployeeController {
  constructor(private readonly directory: DirectoryService) {}

  @Get(':id')
  @ApiOperation({ summary: 'A directory entry (any authenticated principal)' })
  @ApiAnswers({ status: 200, description: 'The directory entry', schema: EMPLOYEE }, 403, 404)
  async get(@Param('id', EmployeeIdPipe) id: string): Promise<EmployeeSnapshot> {
    const snapshot = await this.directory.snapshot(id);
    if (snapshot === null) throw new NotFoundError('employee', id);
    return snapshot;
  }
}
