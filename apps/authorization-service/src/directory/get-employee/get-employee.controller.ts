import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EmployeeSnapshot } from '../../../../../libs/domain/src/index.js';
import { notFound } from '../../http/problem.js';
import { DirectoryService } from '../directory.service.js';
import { EmployeeIdPipe } from '../employee-id.pipe.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('v1/employees')
export class GetEmployeeController {
  constructor(private readonly directory: DirectoryService) {}

  @Get(':id')
  @ApiOperation({ summary: 'A directory entry (any authenticated principal)' })
  async get(@Param('id', EmployeeIdPipe) id: string): Promise<EmployeeSnapshot> {
    const snapshot = await this.directory.snapshot(id);
    if (snapshot === null) throw notFound('employee', id);
    return snapshot;
  }
}
