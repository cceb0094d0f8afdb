import { Controller, Get, Headers, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { decodeCursor, encodeCursor, InvalidCursorError, type Page } from '../../../../../libs/read-models/src/index.js';
import { isInstant } from '../../../../../libs/domain/src/index.js';
import { SQL_CLIENT, type SqlClient } from '../../../../../libs/sql/src/sql-client.port.js';
import { hasScope, type Principal } from '../../auth/principal.js';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import { ApiAnswers, ApiConsistencyToken } from '../../http/openapi.js';
import { ReadModelConsistency } from '../../queries/read-model-consistency.js';
import { ForbiddenError } from '../../shared/application-errors.js';
import { ACCESS_REVIEW, ACCESS_REVIEW_PAGE } from '../access-review.schemas.js';
import { AccessReviewIdPipe } from '../access-review-id.pipe.js';
import { AccessReviewRunner } from '../access-review-runner.js';
import { accessReviewView, type AccessReviewView } from '../access-review-view.js';
import { ACCESS_REVIEW_LIST_PROCESSOR_NAME, type AccessReviewRow, listAccessReviews } from '../../../../../libs/read-models/src/access-review/access-review-list.projection.js';
import { ListAccessReviewsDto } from './read-access-reviews.dto.js';

/** The keyset of the last item of the previous page; anything this service did not issue is a 400. */
function afterOf(cursor: string): [string, string] {
  const [startedAt, id] = decodeCursor(cursor, 2);
  if (startedAt === undefined || id === undefined || !isInstant(startedAt)) throw new InvalidCursorError();
  return [startedAt, id];
}

type ListItem = Omit<AccessReviewRow, 'reviewerIds' | 'anyManager' | 'items'> & { readonly overdue: boolean };

@ApiTags('access-reviews')
@ApiBearerAuth()
@Controller('v1/access-reviews')
export class ReadAccessReviewsController {
  constructor(
    private readonly runner: AccessReviewRunner,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    private readonly consistency: ReadModelConsistency,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Access-review campaigns, newest first, with progress (managers and compliance all; a reviewer those with items for them)' })
  @ApiAnswers({ status: 200, description: 'A page of campaigns', schema: ACCESS_REVIEW_PAGE }, 403)
  @ApiConsistencyToken()
  async list(@Query() query: ListAccessReviewsDto, @CurrentPrincipal() principal: Principal, @Headers('x-consistency-token') token?: string): Promise<Page<ListItem>> {
    const reviewer = await this.listReader(principal);
    await this.consistency.hostedAt(ACCESS_REVIEW_LIST_PROCESSOR_NAME, token, 'the access-review list');
    const limit = query.limit === undefined ? 50 : Number(query.limit);
    const after = query.cursor === undefined || query.cursor === '' ? undefined : afterOf(query.cursor);
    const rows = await listAccessReviews(this.sql, { reviewer, managerReviewer: false, ...(query.status ? { status: query.status } : {}), ...(after ? { after } : {}), limit: limit + 1 });
    const now = Date.now();
    const items = rows.slice(0, limit).map(({ reviewerIds: _r, anyManager: _m, items: _i, ...row }) => ({ ...row, overdue: row.status === 'open' && now >= Date.parse(row.dueAt) }));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.startedAt, last.id]) : null };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One campaign: its items with their outcomes, progress (kept, revoked, defaulted, undecided) and whether it is overdue' })
  @ApiAnswers({ status: 200, description: 'The campaign', schema: ACCESS_REVIEW }, 403, 404)
  @ApiConsistencyToken()
  async get(@Param('id', AccessReviewIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Headers('x-consistency-token') token?: string): Promise<AccessReviewView> {
    // Read from the campaign's own stream: always current; the token is only checked.
    await this.consistency.checked(token);
    const state = await this.runner.load(id);
    await this.runner.requireReader(principal, state);
    return accessReviewView(state, new Date().toISOString());
  }

  /** null: may see every campaign; else the reviewer whose campaigns are listed. */
  private async listReader(principal: Principal): Promise<string | null> {
    if (hasScope(principal, 'audit:read')) return null;
    if (principal.kind !== 'employee') throw new ForbiddenError('NOT_ALLOWED_TO_READ', 'you may not read access reviews');
    const reader = await this.runner.directory.snapshot(principal.id);
    if (reader === null) throw new ForbiddenError('NOT_ALLOWED_TO_READ', 'you may not read access reviews');
    return reader.role === 'manager' || reader.role === 'compliance' ? null : reader.employeeId;
  }
}
