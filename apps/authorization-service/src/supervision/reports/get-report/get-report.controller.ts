import { Controller, Get, Headers, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { reportStream } from '../../../../../../libs/domain/src/index.js';
import { EVENT_STORE, type EventStore } from '../../../../../../libs/event-store/src/index.js';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator.js';
import type { Principal } from '../../../auth/principal.js';
import { ForbiddenError } from '../../../shared/application-errors.js';
import { SupervisionIdPipe } from '../../supervision-id.pipe.js';
import { ReportAccess } from '../report-access.js';
import { ReportRunner, type ReportAnswer } from '../report-runner.js';
import { redactFor, type ReporterReportView, reporterView, reportView } from '../report-view.js';
import { REPORTER_REPORT } from '../report.schemas.js';
import { ApiAnswers, ApiConsistencyToken, REPORT_ANSWER } from '../../../http/openapi.js';
import { ReadModelConsistency } from '../../../queries/read-model-consistency.js';

/** Read from the report's own stream: always current. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/reports')
export class GetReportController {
  constructor(
    private readonly reports: ReportRunner,
    private readonly access: ReportAccess,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly consistency: ReadModelConsistency,
  ) {}

  @Get(':id')
  @ApiOperation({
    summary: "A report (the subject's superior, the investigator, managers, compliance, audit:read); its reporter — the employee, or the reports:write service that filed it — reads its status, finding and feedback",
  })
  @ApiAnswers({ status: 200, description: 'The report (for its reporter: status, finding and feedback only)', schema: { oneOf: [REPORT_ANSWER, REPORTER_REPORT] } }, 403, 404)
  @ApiConsistencyToken()
  async get(@Param('id', SupervisionIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Headers('x-consistency-token') token?: string): Promise<ReportAnswer | (ReporterReportView & { position: string })> {
    // Read from the report's own stream: always current; the token is only checked.
    await this.consistency.checked(token);
    const reader = await this.access.tryReader(principal);
    const state = await this.reports.load(id);
    const events = await this.store.readStream(reportStream(id));
    const filedAt = events[0]?.metadata['occurredAt'];
    const view = reportView(state, typeof filedAt === 'string' ? filedAt : null);
    const position = events.at(-1)?.position ?? '0';
    if (reader !== null && (await this.access.mayRead(reader, view))) return { ...redactFor(view, reader.employee), position };
    if (this.access.isReporter(principal, view)) return { ...reporterView(view), position };
    throw new ForbiddenError('NOT_ALLOWED_TO_READ', 'you may not read this report');
  }
}
