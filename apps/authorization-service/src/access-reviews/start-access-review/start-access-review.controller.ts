import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccessReviewItem, type EmployeeSnapshot } from '../../../../../libs/domain/src/index.js';
import { ReadModelQueries } from '../../../../../libs/read-models/src/index.js';
import { ApiAnswers } from '../../http/openapi.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { ACCESS_REVIEW_ANSWER } from '../access-review.schemas.js';
import { AccessReviewRunner } from '../access-review-runner.js';
import { accessReviewView, type AccessReviewView } from '../access-review-view.js';
import { StartAccessReviewDto } from './start-access-review.dto.js';

const PAGE = 500;

@ApiTags('access-reviews')
@ApiBearerAuth()
@Controller('v1/access-reviews')
export class StartAccessReviewController {
  constructor(
    private readonly runner: AccessReviewRunner,
    @Inject(ReadModelQueries) private readonly grants: ReadModelQueries,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Start a periodic access review (定期檢查授權執行情況): every active grant of the team and matters becomes an item for the grantee’s superior (a manager)' })
  @ApiAnswers({ status: 201, description: 'The campaign with its items', schema: ACCESS_REVIEW_ANSWER }, 403, 409, 422)
  async start(@Body() body: StartAccessReviewDto, @Ctx() ctx: RequestContext): Promise<AccessReviewView & { position: string }> {
    const actor = await this.runner.directory.actingEmployee(ctx.principal);
    const id = this.runner.newId(ctx);
    const command = (items: readonly AccessReviewItem[]) =>
      ({
        type: 'StartAccessReview',
        data: {
          accessReviewId: id,
          actor,
          title: body.title,
          team: body.team ?? null,
          matters: body.matters ?? null,
          knownMatters: Object.keys(this.runner.catalogue.matters),
          dueAt: body.dueAt,
          defaultDecision: body.defaultDecision,
          items,
          now: ctx.now,
        },
      }) as const;
    // Refusals (role, matters, dueAt) before reading every grant.
    this.runner.dryRun(command([]));
    const { state, position } = await this.runner.run(id, command(await this.items(body)), ctx);
    return { ...accessReviewView(state, ctx.now), position };
  }

  /** Every grant with status `active` now (waiting for validFrom included) in the team and matters. */
  private async items(body: StartAccessReviewDto): Promise<AccessReviewItem[]> {
    const found: AccessReviewItem[] = [];
    const superiors = new Map<string, EmployeeSnapshot | null>();
    for (const matter of body.matters ?? [undefined]) {
      let cursor: string | undefined;
      do {
        const page = await this.grants.listAuthorizations({ status: 'active', limit: PAGE, ...(body.team ? { team: body.team } : {}), ...(matter ? { matter } : {}), ...(cursor ? { cursor } : {}) });
        for (const grant of page.items) {
          if (!superiors.has(grant.applicantId)) superiors.set(grant.applicantId, await this.runner.directory.snapshot(grant.applicantId));
          const grantee = superiors.get(grant.applicantId);
          found.push({ authorizationId: grant.id, employeeId: grant.applicantId, matter: grant.matter, reviewerId: grantee?.reportsTo ?? null });
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
    }
    return found;
  }
}
