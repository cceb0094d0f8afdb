import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';

import type { Holder, Permissions } from '../../../../libs/read-models/src/permission-index/index.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { EmployeeIdPipe } from '../directory/employee-id.pipe.js';
import { NotFoundError } from '../shared/application-errors.js';
import { ReadAccess } from '../queries/read-access.js';
import { consistencyToken } from '../queries/read-model-consistency.js';
import { IsInstant, Omittable } from '../shared/validators.js';
import { PermissionIndexService } from './permission-index.service.js';
import { ApiAnswers, ApiConsistencyToken, HOLDERS, PERMISSIONS } from '../http/openapi.js';

export class AtQueryDto {
  @ApiPropertyOptional({ description: 'An ISO-8601 instant: the answer as of then, from the full history (default: now)', example: '2026-12-01T09:00:00Z' })
  @Omittable()
  @IsInstant()
  at?: string;
}

@ApiTags('checks')
@ApiBearerAuth()
@Controller('v1')
export class PermissionsController {
  constructor(
    private readonly index: PermissionIndexService,
    private readonly access: ReadAccess,
  ) {}

  @Get('employees/:id/permissions')
  @ApiOperation({ summary: 'Baseline and granted authorities in force now, or at instant `at`' })
  @ApiAnswers({ status: 200, description: 'Baseline and grants in force at the instant', schema: PERMISSIONS }, 403, 404)
  @ApiConsistencyToken()
  async permissions(
    @Param('id', EmployeeIdPipe) id: string,
    @Query() query: AtQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-consistency-token') token?: string,
  ): Promise<Permissions & { at: string; position: string }> {
    await this.access.requirePermissionsReader(principal, id);
    await this.index.waitFor(consistencyToken(token));
    const at = query.at === undefined ? Date.now() : Date.parse(query.at);
    const permissions = this.index.index.permissions(id, at);
    if (permissions === undefined) throw new NotFoundError('employee', id);
    return { ...permissions, at: new Date(at).toISOString(), position: this.index.position() };
  }

  @Get('authorities/:authority/holders')
  @ApiOperation({ summary: 'Who holds the authority in force now (or at `at`), by role baseline or grant' })
  @ApiParam({ name: 'authority', description: 'An authority of the catalogue (any other is 404 UNKNOWN_AUTHORITY)', example: 'compensation.issue', schema: { type: 'string', pattern: '^[a-z][a-z0-9_.-]{0,99}$' } })
  @ApiAnswers({ status: 200, description: 'The holders at the instant', schema: HOLDERS }, 403, 404)
  @ApiConsistencyToken()
  async holders(
    @Param('authority') authority: string,
    @Query() query: AtQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-consistency-token') token?: string,
  ): Promise<{ authority: string; at: string; items: Holder[]; position: string }> {
    await this.access.requireHoldersReader(principal);
    if (!/^[a-z][a-z0-9_.-]{0,99}$/.test(authority)) throw new NotFoundError('authority', authority.slice(0, 100), 'UNKNOWN_AUTHORITY');
    await this.index.waitFor(consistencyToken(token));
    const at = query.at === undefined ? Date.now() : Date.parse(query.at);
    return { authority, at: new Date(at).toISOString(), items: this.index.index.holders(authority, at), position: this.index.position() };
  }
}
