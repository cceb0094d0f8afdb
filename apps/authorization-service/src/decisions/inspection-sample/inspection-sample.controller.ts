import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type DecisionLogEntry, sampleDecisions } from '../../../../../libs/read-models/src/kpis/index.js';
import { SQL_CLIENT, type SqlClient } from '../../../../../libs/sql/src/sql-client.port.js';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { SupervisionAccess } from '../supervision-access.js';
import { InspectionSampleQueryDto } from './inspection-sample.dto.js';
import { ApiAnswers, DECISION } from '../../http/openapi.js';

/** How far back a spot check draws from. */
export const SAMPLE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/inspections/sample')
export class InspectionSampleController {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    private readonly access: SupervisionAccess,
  ) {}

  @Get()
  @ApiOperation({ summary: 'A random sample of the decisions recorded in the last 30 days, for a spot check (superiors: their team; managers)' })
  @ApiAnswers({ status: 200, description: 'The sampled decisions', schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: DECISION } } } }, 403)
  async sample(@Query() query: InspectionSampleQueryDto, @CurrentPrincipal() principal: Principal): Promise<{ items: DecisionLogEntry[] }> {
    const scope = await this.access.sample(principal);
    const since = new Date(Date.now() - SAMPLE_WINDOW_MS).toISOString();
    const size = query.size === undefined ? 10 : Number(query.size);
    const items = await sampleDecisions(this.sql, { since, size, ...(scope.kind === 'team' ? { team: scope.team } : {}) });
    return { items };
  }
}
