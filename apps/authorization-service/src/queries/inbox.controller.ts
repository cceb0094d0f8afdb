import { Controller, Get, Headers } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type InboxTaskView, ReadModelQueries } from '../../../../libs/read-models/src/index.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PermissionIndexService } from '../checks/permission-index.service.js';
import { ForbiddenError } from '../shared/application-errors.js';
import { ReadAccess } from './read-access.js';
import { consistencyToken, ReadModelConsistency } from './read-model-consistency.js';
import { ApiAnswers, ApiConsistencyToken, INBOX_TASK, pageOf } from '../http/openapi.js';

@ApiTags('queries')
@ApiBearerAuth()
@Controller('v1/inbox')
export class InboxController {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly access: ReadAccess,
    private readonly consistency: ReadModelConsistency,
    private readonly index: PermissionIndexService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The caller's open tasks: review, approval, final-approval, notice, acknowledgement" })
  @ApiAnswers({ status: 200, description: 'The open tasks (one page: nextCursor is null)', schema: pageOf(INBOX_TASK) }, 403)
  @ApiConsistencyToken()
  async inbox(@CurrentPrincipal() principal: Principal, @Headers('x-consistency-token') token?: string): Promise<{ items: InboxTaskView[]; nextCursor: null }> {
    await this.consistency.waitFor(consistencyToken(token));
    const employee = await this.access.employee(principal);
    if (employee === null) throw new ForbiddenError('EMPLOYEE_REQUIRED', 'the inbox is an employee’s');
    const designee = (await this.index.grantInForce(employee.employeeId, 'authorization.notice.issue', new Date().toISOString())) !== null;
    const items = await this.queries.inbox({ id: employee.employeeId, role: employee.role, team: employee.team }, designee);
    return { items, nextCursor: null };
  }
}
