import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DEFAULT_LIMIT, InvalidCursorError, type Page, decodeCursor, encodeCursor } from '../../../../../../libs/read-models/src/index.js';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator.js';
import type { Principal } from '../../../auth/principal.js';
import { InvalidRequestError } from '../../../shared/application-errors.js';
import { consistencyToken } from '../../../queries/read-model-consistency.js';
import { ReportAccess } from '../report-access.js';
import { ReportIndexService } from '../report-index.service.js';
import { type ReportView, redactFor } from '../report-view.js';
import { ListReportsQueryDto } from './list-reports.dto.js';
import { ApiAnswers, ApiConsistencyToken, pageOf, REPORT } from '../../../http/openapi.js';

function after(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  try {
    return decodeCursor(cursor, 1)[0] ?? null;
  } catch (error: unknown) {
    if (error instanceof InvalidCursorError) throw new InvalidRequestError('INVALID_CURSOR', error.message);
    throw error;
  }
}

/** Reports in filing order; a supervisor sees those about their team and those they investigate. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/reports')
export class ListReportsController {
  constructor(
    private readonly index: ReportIndexService,
    private readonly access: ReportAccess,
  ) {}

  @Get()
  @ApiOperation({ summary: 'A page of reports: {items, nextCursor}' })
  @ApiAnswers({ status: 200, description: 'A page of reports', schema: pageOf(REPORT) }, 403)
  @ApiConsistencyToken()
  async list(@Query() query: ListReportsQueryDto, @CurrentPrincipal() principal: Principal, @Headers('x-consistency-token') token?: string): Promise<Page<ReportView>> {
    const reader = await this.access.reader(principal);
    await this.index.waitFor(consistencyToken(token));
    const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
    const candidates = this.index.list((v) => (query.subjectEmployeeId === undefined || v.subjectEmployeeId === query.subjectEmployeeId) && (query.status === undefined || v.status === query.status), after(query.cursor));
    const items: { key: string; view: ReportView }[] = [];
    for (const candidate of candidates) {
      if (items.length > limit) break;
      if (await this.access.mayRead(reader, candidate.view)) items.push(candidate);
    }
    const page = items.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(({ view }) => redactFor(view, reader.employee)), nextCursor: items.length > limit && last ? encodeCursor([last.key]) : null };
  }
}
