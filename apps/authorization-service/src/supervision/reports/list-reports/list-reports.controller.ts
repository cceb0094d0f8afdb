import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DEFAULT_LIMIT, InvalidCursorError, type Page } from '../../../../../../libs/read-models/src/index.js';
import type { RecordQueries, RecordScope } from '../../../../../../libs/read-models/src/records/record.queries.js';
import type { ReportDoc } from '../../../../../../libs/read-models/src/records/record-kinds.js';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator.js';
import { hasScope, type Principal } from '../../../auth/principal.js';
import { ForbiddenError, InvalidRequestError } from '../../../shared/application-errors.js';
import { ReadModelConsistency } from '../../../queries/read-model-consistency.js';
import { ReportAccess, type ReportReader } from '../report-access.js';
import { type ReporterReportView, type ReportView, redactFor, reporterView, reportView } from '../report-view.js';
import { REPORTER_REPORT_ITEM } from '../report.schemas.js';
import { ListReportsQueryDto } from './list-reports.dto.js';
import { ApiAnswers, ApiConsistencyToken, pageOf, REPORT } from '../../../http/openapi.js';

/** A supervisor reads the reports they investigate and those about their team now (`ReportAccess.mayRead`); the others all. */
const scopeOf = (reader: ReportReader): RecordScope => (reader.kind === 'all' ? { kind: 'all' } : { kind: 'employee', id: reader.employee.employeeId });

/** Whose reports: a reader's scope, or the caller's own (`filedBy=me`). */
type Whose = RecordScope | { readonly kind: 'filedBy'; readonly id: string };

async function listed(queries: RecordQueries, whose: Whose, query: ListReportsQueryDto): Promise<Page<ReportDoc>> {
  const filter = {
    ...(query.subjectEmployeeId === undefined ? {} : { subjectEmployeeId: query.subjectEmployeeId }),
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    limit: query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit),
  };
  try {
    return await (whose.kind === 'filedBy' ? queries.listReportsFiledBy(whose.id, filter) : queries.listReports(whose, filter));
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
  @ApiOperation({
    summary:
      "A page of reports: {items, nextCursor} (the subject's superior and the investigator, managers, compliance, audit:read); with filedBy=me the caller's own reports as their reporter reads them (any employee, a reports:write service)",
  })
  @ApiAnswers({ status: 200, description: 'A page of reports (with filedBy=me: status, finding and feedback only)', schema: { anyOf: [pageOf(REPORT), pageOf(REPORTER_REPORT_ITEM)] } }, 400, 403)
  @ApiConsistencyToken()
  async list(@Query() query: ListReportsQueryDto, @CurrentPrincipal() principal: Principal, @Headers('x-consistency-token') token?: string): Promise<Page<ReportView> | Page<ReporterReportView>> {
    if (query.filedBy === 'me') return this.filedBy(query, principal, token);
    const reader = await this.access.reader(principal);
    const page = await listed(await this.consistency.recordsAt(token), scopeOf(reader), query);
    return { items: page.items.map((doc) => redactFor(reportView(doc.state, doc.filedAt), reader.employee)), nextCursor: page.nextCursor };
  }

  /** The caller's own reports, redacted as `GET /v1/reports/{id}` redacts them for their reporter (SPEC §11). */
  private async filedBy(query: ListReportsQueryDto, principal: Principal, token: string | undefined): Promise<Page<ReporterReportView>> {
    if (principal.kind !== 'employee' && !hasScope(principal, 'reports:write')) throw new ForbiddenError('NOT_ALLOWED_TO_READ', 'only employees and services with reports:write have reports of their own');
    const page = await listed(await this.consistency.recordsAt(token), { kind: 'filedBy', id: principal.id }, query);
    return { items: page.items.map((doc) => reporterView(reportView(doc.state, doc.filedAt))), nextCursor: page.nextCursor };
  }
}
