import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers } from '../../http/openapi.js';
import { AuthorizationIdPipe } from '../../shared/authorization-id.pipe.js';
import { NotFoundError } from '../../shared/application-errors.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { ACCESS_REVIEW_ANSWER } from '../access-review.schemas.js';
import { AccessReviewIdPipe } from '../access-review-id.pipe.js';
import { AccessReviewRunner } from '../access-review-runner.js';
import { accessReviewView, type AccessReviewView } from '../access-review-view.js';
import { DecideAccessReviewItemDto } from './decide-access-review-item.dto.js';

@ApiTags('access-reviews')
@ApiBearerAuth()
@Controller('v1/access-reviews')
export class DecideAccessReviewItemController {
  constructor(private readonly runner: AccessReviewRunner) {}

  @Post(':id/items/:authorizationId/decision')
  @HttpCode(200)
  @ApiOperation({ summary: "Keep or revoke one grant of the campaign (its reviewer: the grantee's superior, or a manager); revoke takes effect at once" })
  @ApiAnswers({ status: 200, description: 'The campaign after the decision', schema: ACCESS_REVIEW_ANSWER }, 403, 404, 409, 422)
  async decide(
    @Param('id', AccessReviewIdPipe) id: string,
    @Param('authorizationId', AuthorizationIdPipe) authorizationId: string,
    @Body() body: DecideAccessReviewItemDto,
    @Ctx() ctx: RequestContext,
  ): Promise<AccessReviewView & { position: string }> {
    const actor = await this.runner.directory.actingEmployee(ctx.principal);
    const before = await this.runner.load(id);
    if (!before.items.has(authorizationId)) throw new NotFoundError('access review item', `${authorizationId} of ${id}`);
    const { state, position } = await this.runner.run(id, { type: 'DecideAccessReviewItem', data: { authorizationId, actor, decision: body.decision, note: body.note, now: ctx.now } }, ctx);
    // The decision is the record; the revocation follows it (the scheduler repeats it at dueAt with the same id).
    const revoked = body.decision === 'revoke' ? await this.runner.revoke(state, authorizationId, body.note, ctx) : null;
    return { ...accessReviewView(state, ctx.now), position: revoked ?? position };
  }
}
