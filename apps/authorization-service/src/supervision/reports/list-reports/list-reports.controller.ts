import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DEFAULT_LIMIT, InvalidCursorError, type Page } from '../../../../../../libs/read-models/src/index.js';
import type { RecordQueries, RecordScope } from '../../../../../../libs/read-models/src/records/record.queries.js';
import type { ReportDoc } from '../../../../../../libs/read-models/src/records/record-kinds.js';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator.js';
import type { Principal } from '../../../auth/principal.js';
import { InvalidRequestError } from '../../../shared/application-errors.js';
import { ReadModelConsistency } from '../../../queries/read-model-consistency.js';
import { ReportAccess, type ReportReader } from '../report-access.js';
import { type ReportView, redactFor, reportView } from '../report-view.js';
import { ListReportsQueryDto } from './list-reports.dto.js';
import { ApiAnswers, ApiConsistencyToken, pageOf, REPORT } from '../../../http/openapi.js';

/** A supervisor reads the reports they investigate and those about their team now (`ReportAccess.mayRead`); the others all. */
const scopeOf = (reader: ReportReader): RecordScope => (reader.kind === 'all' ? { kind: 'all' } : { kind: 'employee', id: reader.employee.employeeId });

async function listed(queries: RecordQueries, scope: RecordScope, query: ListReportsQueryDto): Promise<Page<ReportDoc>> {
  try {
    return await queries.listReports(scope, {
      ...(query.subjectEmployeeId === undefined ? {} : { subjectEmployeeId: query.subjectEmployeeId }),
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      limit: query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit),
    });
  } catch (error: unknown) {
    if (error instanceof InvalidCursorError) throw new InvalidRequestError('INVALID_CURSOR', error.message);
    throw error;
  }
}

/** Reports in filing order, from the records read model; a supervisor sees those about their team and those they investigate. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/reports')
export class ListReportsController {
  constructor(
    private readonly consistency: ReadModelConsistency,
    private readonly access: ReportAccess,
  ) {}

  @Get()
  @ApiOperation({ summary: 'A page of reports: {items, nextCursor}' })
  @ApiAnswers({ status: 200, description: 'A page of reports', schema: pageOf(REPORT) }, 403)
  @ApiConsistencyToken()
  async list(@Query() query: ListReportsQueryDto, @CurrentPrincipal() principal: Principal, @Headers('x-consistency-token') token?: string): Promise<Page<ReportView>> {
    const reader = await this.access.reader(principal);
    const page = await listed(await this.consistency.recordsAt(token), scopeOf(reader), query);
    return { items: page.items.map((doc) => redactFor(reportView(doc.state, doc.filedAt), reader.employee)), nextCursor: page.nextCursor };
  }
}
