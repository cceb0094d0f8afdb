import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { type AuditEntry, exportAuditLines, type Page, ReadModelQueries } from '../../../../libs/read-models/src/index.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { AuditExportQueryDto, AuditQueryDto } from './audit.dto.js';
import { hideEmployeeReporters, withoutEmployeeReporter } from './audit-redaction.js';
import { ReadAccess } from './read-access.js';
import { consistencyToken, ReadModelConsistency } from './read-model-consistency.js';
import { ApiAnswers, ApiConsistencyToken, AUDIT_ENTRY, pageOf } from '../http/openapi.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly access: ReadAccess,
    private readonly consistency: ReadModelConsistency,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Audit entries in commit order (compliance and audit:read only)' })
  @ApiAnswers({ status: 200, description: 'A page of audit entries', schema: pageOf(AUDIT_ENTRY) }, 403)
  @ApiConsistencyToken()
  async list(@Query() query: AuditQueryDto, @CurrentPrincipal() principal: Principal, @Headers('x-consistency-token') token?: string): Promise<Page<AuditEntry>> {
    const { seesEmployeeReporters } = await this.access.requireAuditReader(principal);
    await this.consistency.waitFor(consistencyToken(token));
    const { limit, ...rest } = query;
    const page = await this.queries.listAudit({ ...rest, ...(limit !== undefined ? { limit: Number(limit) } : {}) });
    return seesEmployeeReporters ? page : { ...page, items: hideEmployeeReporters(page.items, query.actorId !== undefined) };
  }

  @Get('export')
  @ApiProduces('application/x-ndjson')
  @ApiOperation({ summary: 'Hash-chained NDJSON export (SPEC §7); verify offline with `authz audit verify FILE`' })
  @ApiAnswers({ status: 200, description: 'One hash-chained audit entry per line', schema: { type: 'string' }, contentType: 'application/x-ndjson' }, 403)
  async export(@Query() query: AuditExportQueryDto, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const { seesEmployeeReporters } = await this.access.requireAuditReader(principal);
    const entries = this.queries.streamAudit(query);
    const lines = exportAuditLines(seesEmployeeReporters ? entries : redacted(entries));
    const body = Readable.from((async function* () {
      for await (const line of lines) yield `${line}\n`;
    })());
    await reply.header('content-type', 'application/x-ndjson; charset=utf-8').send(body);
  }
}

async function* redacted(entries: AsyncIterable<AuditEntry>): AsyncGenerator<AuditEntry> {
  for await (const entry of entries) yield withoutEmployeeReporter(entry);
}
