import { freshRecords } from '../shared/fresh-records.js';
import { Controller, Get, Headers, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Catalogue } from '../../../../libs/domain/src/index.js';
import { CATALOGUE } from '../../../../libs/platform/src/index.js';
import { decodeCursor, encodeCursor, ReadModelQueries } from '../../../../libs/read-models/src/index.js';
import { countByKind, type InboxCallerContext, type InboxItem, worklist, worklistPage } from '../../../../libs/read-models/src/records/inbox-sources.js';
import { RecordsReader } from '../../../../libs/read-models/src/records/records.module.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PermissionIndexService } from '../checks/permission-index.service.js';
import { ApiAnswers, ApiConsistencyToken } from '../http/openapi.js';
import { ForbiddenError } from '../shared/application-errors.js';
import { PageQueryDto } from '../shared/page-query.dto.js';
import { WORKLIST_COUNT, WORKLIST_PAGE } from './inbox.schemas.js';
import { consistencyToken, ReadModelConsistency } from './read-model-consistency.js';

/**
 * The caller's worklist: every kind of task of SPEC §11, from the task sources of the read side. It is
 * polled every few seconds, so it answers from SQL alone: the caller from the directory read model,
 * separation of duties on the acts each authorization's row keeps; no stream is read.
 */
@ApiTags('queries')
@ApiBearerAuth()
@Controller('v1/inbox')
export class InboxController {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly records: RecordsReader,
    private readonly consistency: ReadModelConsistency,
    private readonly index: PermissionIndexService,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
  ) {}

  @Get()
  @ApiOperation({ summary: "The caller's open tasks, oldest first: review, approval, final-approval, notice, acknowledgement, escalation, report, access-review, suggestion, training, meeting-action" })
  @ApiAnswers({ status: 200, description: 'A page of open tasks', schema: WORKLIST_PAGE }, 403)
  @ApiConsistencyToken()
  async inbox(@CurrentPrincipal() principal: Principal, @Query() page: PageQueryDto, @Headers('x-consistency-token') token?: string): Promise<{ items: InboxItem[]; nextCursor: string | null }> {
    const items = await this.all(principal, token);
    const after = page.cursor === undefined || page.cursor === '' ? null : (decodeCursor(page.cursor, 1)[0] ?? null);
    const { items: pageItems, next } = worklistPage(items, after, page.limit === undefined ? 50 : Number(page.limit));
    return { items: pageItems, nextCursor: next === null ? null : encodeCursor([next]) };
  }

  @Get('count')
  @ApiOperation({ summary: "How many open tasks the caller has, in all and by kind" })
  @ApiAnswers({ status: 200, description: 'The counts', schema: WORKLIST_COUNT }, 403)
  @ApiConsistencyToken()
  async count(@CurrentPrincipal() principal: Principal, @Headers('x-consistency-token') token?: string): Promise<{ total: number; byKind: Readonly<Record<string, number>> }> {
    return countByKind(await this.all(principal, token));
  }

  private async all(principal: Principal, token: string | undefined): Promise<InboxItem[]> {
    await this.consistency.waitFor(consistencyToken(token));
    let employee = principal.kind === 'employee' ? await this.queries.getEmployee(principal.id) : null;
    // Someone hired a moment ago (perhaps through another replica) whom the read model has not read yet:
    // asked again once it has read as far as the log's head, so a new employee's first look is not a 403.
    if (employee === null && principal.kind === 'employee') {
      await this.consistency.waitForHead();
      employee = await this.queries.getEmployee(principal.id);
    }
    if (employee === null) throw new ForbiddenError('EMPLOYEE_REQUIRED', 'the inbox is an employee’s');
    const designee = (await this.index.grantInForce(employee.id, 'authorization.notice.issue', new Date().toISOString())) !== null;
    const caller: InboxCallerContext = { id: employee.id, role: employee.role, team: employee.team, designee };
    await freshRecords(this.records, consistencyToken(token));
    return worklist(caller, { sql: this.records.sql, queries: this.queries, catalogue: this.catalogue });
  }
}
