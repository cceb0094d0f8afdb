import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { AnchorQueries } from '../../../../libs/read-models/src/audit/anchors/anchor.queries.js';
import type { AnchorSigningKey } from '../../../../libs/read-models/src/audit/anchors/anchor-signing-key.js';
import { AUDIT_ANCHOR_KEY } from '../../../../libs/read-models/src/audit/anchors/audit-anchors.module.js';
import { exportAuditRange } from '../../../../libs/read-models/src/audit/audit-export.js';
import type { AuditAnchor } from '../../../../libs/read-models/src/audit/proof/audit-anchor.js';
import type { Ed25519PublicJwk } from '../../../../libs/read-models/src/audit/proof/anchor-key.js';
import { type AuditEntry, type Page, ReadModelQueries } from '../../../../libs/read-models/src/index.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Public } from '../auth/public.decorator.js';
import { NotFoundError } from '../shared/application-errors.js';
import { PageQueryDto } from '../shared/page-query.dto.js';
import { AuditExportQueryDto, AuditQueryDto } from './audit.dto.js';
import { hideEmployeeReporters, withoutEmployeeReporter } from './audit-redaction.js';
import { ReadAccess } from './read-access.js';
import { consistencyToken, ReadModelConsistency } from './read-model-consistency.js';
import { ApiAnswers, ApiConsistencyToken, AUDIT_ENTRY, pageOf, problemResponse } from '../http/openapi.js';

const AUDIT_ANCHOR = {
  type: 'object',
  required: ['position', 'count', 'hash', 'at', 'keyId', 'signature'],
  properties: {
    position: { type: 'string', description: 'Position of the last covered entry (as in the audit trail and its export)' },
    count: { type: 'integer', minimum: 1, description: 'Entries from the start of the chain up to and including it' },
    hash: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'That entry’s chain hash' },
    at: { type: 'string', format: 'date-time' },
    keyId: { type: 'string', description: 'RFC 7638 thumbprint of the signing key' },
    signature: { type: 'string', description: 'base64url Ed25519 over the canonical JSON of the five other fields' },
  },
};

const PUBLIC_KEY = {
  type: 'object',
  required: ['keyId', 'algorithm', 'pem', 'jwk'],
  properties: {
    keyId: { type: 'string' },
    algorithm: { type: 'string', enum: ['Ed25519'] },
    pem: { type: 'string', description: 'SPKI PEM' },
    jwk: { type: 'object', required: ['kty', 'crv', 'x'], properties: { kty: { type: 'string', enum: ['OKP'] }, crv: { type: 'string', enum: ['Ed25519'] }, x: { type: 'string' } } },
  },
};

const PEM_TYPE = 'application/x-pem-file';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly access: ReadAccess,
    private readonly consistency: ReadModelConsistency,
    private readonly anchors: AnchorQueries,
  ) {}

  @Get('anchors')
  @ApiOperation({ summary: 'Signed anchors of the audit chain, oldest first (compliance and audit:read only; SPEC §12)' })
  @ApiAnswers({ status: 200, description: 'A page of anchors', schema: pageOf(AUDIT_ANCHOR) }, 403)
  async listAnchors(@Query() query: PageQueryDto, @CurrentPrincipal() principal: Principal): Promise<Page<AuditAnchor>> {
    await this.access.requireAuditReader(principal);
    return this.anchors.list({ ...(query.cursor !== undefined ? { cursor: query.cursor } : {}), ...(query.limit !== undefined ? { limit: Number(query.limit) } : {}) });
  }

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
    // The whole trail is hashed (the chain is global, as the anchors sign it); the range is what is sent.
    const lines = exportAuditRange(this.queries.streamAudit({}), query, seesEmployeeReporters ? (entry) => entry : withoutEmployeeReporter);
    const body = Readable.from((async function* () {
      for await (const line of lines) yield `${line}\n`;
    })());
    await reply.header('content-type', 'application/x-ndjson; charset=utf-8').send(body);
  }
}

/** The anchors' public key: no token needed (anyone holding anchors may check them). */
@ApiTags('audit')
@Controller('v1/audit')
export class AuditPublicKeyController {
  constructor(@Inject(AUDIT_ANCHOR_KEY) private readonly key: AnchorSigningKey | null) {}

  @Public()
  @Get('public-key')
  @ApiOperation({ summary: 'The public key of the audit anchors (no token); PEM under Accept: application/x-pem-file' })
  @ApiResponse({ status: 200, description: 'The Ed25519 public key', content: { 'application/json': { schema: PUBLIC_KEY }, [PEM_TYPE]: { schema: { type: 'string' } } } })
  @ApiResponse({ status: 404, ...problemResponse(404, 'No signing key is configured here (AUDIT_SIGNING_KEY): no anchors are written') } as Parameters<typeof ApiResponse>[0])
  async publicKey(@Headers('accept') accept: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    if (this.key === null) throw new NotFoundError('an audit signing key', '(none is configured)', 'NO_SIGNING_KEY');
    if (prefersPem(accept)) {
      await reply.header('content-type', `${PEM_TYPE}; charset=utf-8`).send(this.key.publicPem);
      return;
    }
    const body: { keyId: string; algorithm: string; pem: string; jwk: Ed25519PublicJwk } = { keyId: this.key.keyId, algorithm: this.key.algorithm, pem: this.key.publicPem, jwk: this.key.publicJwk };
    await reply.header('content-type', 'application/json; charset=utf-8').send(body);
  }
}

/** PEM when the caller names it and does not prefer JSON over it. */
const prefersPem = (accept: string | undefined): boolean => {
  if (accept === undefined) return false;
  const weights = new Map<string, number>();
  for (const part of accept.toLowerCase().split(',')) {
    const [type = '', ...params] = part.trim().split(';').map((p) => p.trim());
    const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? '1');
    weights.set(type, Number.isFinite(q) ? q : 0);
  }
  const pem = weights.get(PEM_TYPE) ?? 0;
  return pem > 0 && pem >= (weights.get('application/json') ?? 0);
};
