import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type DecisionLogEntry, listDecisions } from '../../../../../libs/read-models/src/kpis/index.js';
import { type Page } from '../../../../../libs/read-models/src/postgres/cursor.js';
import { SQL_CLIENT, type SqlClient } from '../../../../../libs/sql/src/sql-client.port.js';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { badRequestFrom } from '../bad-request.js';
import { SupervisionAccess } from '../supervision-access.js';
import { ListDecisionsQueryDto } from './list-decisions.dto.js';
import { ApiAnswers, DECISION, pageOf } from '../../http/openapi.js';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/decisions')
export class ListDecisionsController {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    private readonly access: SupervisionAccess,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Recorded decisions, newest first: {items, nextCursor} (superiors, managers, compliance, audit:read)' })
  @ApiAnswers({ status: 200, description: 'A page of recorded decisions', schema: pageOf(DECISION) }, 403)
  async list(@Query() query: ListDecisionsQueryDto, @CurrentPrincipal() principal: Principal): Promise<Page<DecisionLogEntry>> {
    const scope = await this.access.decisions(principal, query.employeeId);
    const { limit, allowed, employeeId: _employeeId, ...rest } = query;
    return badRequestFrom(() =>
      listDecisions(this.sql, {
        ...rest,
        ...(scope.kind === 'team' ? { team: scope.team } : scope.kind === 'employee' ? { employeeId: scope.employeeId } : {}),
        ...(allowed !== undefined ? { allowed: allowed === 'true' } : {}),
        ...(limit !== undefined ? { limit: Number(limit) } : {}),
      }),
    );
  }
}
