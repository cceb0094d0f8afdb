import { Controller, Get, Headers, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Catalogue } from '../../../../libs/domain/src/index.js';
import { CATALOGUE } from '../../../../libs/platform/src/index.js';
import { ReadModelQueries, type AuthorizationSummary, type Page } from '../../../../libs/read-models/src/index.js';
import { type Presented, presentAuthorization } from '../../../../libs/read-models/src/authorization/authorization.presentation.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { hasScope, type Principal } from '../auth/principal.js';
import { ForbiddenError } from '../shared/application-errors.js';
import { ListAuthorizationsQueryDto } from './list-authorizations.dto.js';
import { ReadAccess } from './read-access.js';
import { consistencyToken, ReadModelConsistency } from './read-model-consistency.js';
import { ApiAnswers, ApiConsistencyToken, AUTHORIZATION_ROW, pageOf } from '../http/openapi.js';

/**
 * An employee lists their own, a superior their team's (and, while standing in, the absent superior's
 * team's, one employee at a time), managers, compliance and `audit:read` everything. The filter is
 * narrowed on the server; a request beyond it is 403.
 */
@ApiTags('queries')
@ApiBearerAuth()
@Controller('v1/authorizations')
export class ListAuthorizationsController {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly access: ReadAccess,
    private readonly consistency: ReadModelConsistency,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
  ) {}

  @Get()
  @ApiOperation({ summary: 'A page of authorizations: {items, nextCursor}' })
  @ApiAnswers({ status: 200, description: 'A page of authorizations', schema: pageOf(AUTHORIZATION_ROW) }, 403)
  @ApiConsistencyToken()
  async list(
    @Query() query: ListAuthorizationsQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-consistency-token') token?: string,
  ): Promise<Page<Presented<AuthorizationSummary>>> {
    const page = await this.page(query, principal, token);
    return { ...page, items: page.items.map((row) => presentAuthorization(this.catalogue, row)) };
  }

  private async page(query: ListAuthorizationsQueryDto, principal: Principal, token: string | undefined): Promise<Page<AuthorizationSummary>> {
    await this.consistency.waitFor(consistencyToken(token));
    const { limit, ...rest } = query;
    const filter = { ...rest, ...(limit !== undefined ? { limit: Number(limit) } : {}) };
    if (hasScope(principal, 'audit:read')) return this.queries.listAuthorizations(filter);
    const reader = await this.access.employee(principal);
    if (reader === null) throw new ForbiddenError('NOT_ALLOWED_TO_READ', 'you may not list authorizations');
    if (['manager', 'compliance', 'executive'].includes(reader.role)) return this.queries.listAuthorizations(filter);
    if (query.employeeId === undefined || query.employeeId === reader.employeeId) {
      if (reader.role === 'supervisor' && reader.team !== null && query.employeeId === undefined) return this.queries.listAuthorizations({ ...filter, team: reader.team });
      return this.queries.listAuthorizations({ ...filter, employeeId: reader.employeeId });
    }
    const subject = await this.access.directoryEntry(query.employeeId);
    if (subject !== null && (await this.access.superiorOrStandIn(reader, subject))) return this.queries.listAuthorizations(filter);
    throw new ForbiddenError('NOT_ALLOWED_TO_READ', `you may not list the authorizations of ${query.employeeId}`);
  }
}
