import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type EmployeeKpis, parsePeriod } from '../../../../../libs/read-models/src/kpis/index.js';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { badRequestFrom } from '../bad-request.js';
import { KpiService } from '../kpi.service.js';
import { SupervisionAccess } from '../supervision-access.js';
import { GetKpisQueryDto } from './get-kpis.dto.js';
import { ApiAnswers, KPIS } from '../../http/openapi.js';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/kpis')
export class GetKpisController {
  constructor(
    private readonly kpis: KpiService,
    private readonly access: SupervisionAccess,
  ) {}

  @Get()
  @ApiOperation({ summary: 'KPIs per employee for a month or quarter (superiors for their team, managers, compliance)' })
  @ApiAnswers({ status: 200, description: 'KPIs per employee', schema: KPIS }, 403)
  async get(@Query() query: GetKpisQueryDto, @CurrentPrincipal() principal: Principal): Promise<{ period: string; items: EmployeeKpis[] }> {
    const period = await badRequestFrom(async () => parsePeriod(query.period));
    const scope = await this.access.kpis(principal, query);
    const items = await this.kpis.kpis(period, scope);
    return { period: period.name, items: query.team !== undefined && scope.kind === 'employee' ? items.filter((k) => k.team === query.team) : items };
  }
}
