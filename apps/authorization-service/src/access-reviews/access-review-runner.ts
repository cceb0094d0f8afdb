import { Inject, Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import {
  type AccessReviewCommand,
  type AccessReviewState,
  type EmployeeSnapshot,
  accessReviewDecider,
  accessReviewRevocationKey,
  accessReviewRevocationReason,
  accessReviewStream,
  authorizationDecider,
  authorizationStream,
  type Catalogue,
  DomainError,
  foldStored,
} from '../../../../libs/domain/src/index.js';
import { EVENT_STORE, type EventStore, handleCommand } from '../../../../libs/event-store/src/index.js';
import { CATALOGUE } from '../../../../libs/platform/src/index.js';
import { DirectoryService } from '../directory/directory.service.js';
import { ForbiddenError, NotFoundError } from '../shared/application-errors.js';
import { eventMetadata, type RequestContext } from '../shared/request-context.js';
import type { Principal } from '../auth/principal.js';
import { hasScope } from '../auth/principal.js';

const ID_NAMESPACE = '3d1f6c2a-7b4e-4f0a-8e5d-9c2b1a6f4e70';
type Open = Exclude<AccessReviewState, { status: 'none' }>;


/** Reads and writes `access-review-{id}` streams and revokes the grants a campaign decides to revoke. */
@Injectable()
export class AccessReviewRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CATALOGUE) readonly catalogue: Catalogue,
    readonly directory: DirectoryService,
  ) {}

  newId(ctx: RequestContext): string {
    return uuidv5(`access-review:${ctx.commandId}`, ID_NAMESPACE);
  }

  async load(id: string): Promise<Open> {
    const state = foldStored(accessReviewDecider, await this.store.readStream(accessReviewStream(id)));
    if (state.status === 'none') throw new NotFoundError('access review', id);
    return state;
  }

  async run(id: string, command: AccessReviewCommand, ctx: RequestContext): Promise<{ state: Open; position: string }> {
    const result = await handleCommand(this.store, accessReviewStream(id), accessReviewDecider, command, {
      commandId: ctx.commandId,
      metadata: () => ({ ...eventMetadata(ctx, this.catalogue.version) }),
    });
    if (result.newState.status === 'none') throw new NotFoundError('access review', id);
    return { state: result.newState, position: result.position };
  }

  /** Decides without writing: refusals surface before anything else is read or written. */
  dryRun(command: AccessReviewCommand, state: AccessReviewState = accessReviewDecider.initialState()): void {
    accessReviewDecider.decide(command, state);
  }

  /** Revokes the grant of a `revoke` decision at once; a grant no longer active has nothing to revoke. */
  async revoke(state: Open, authorizationId: string, note: string, ctx: RequestContext): Promise<string | null> {
    const item = state.items.get(authorizationId);
    const grantee = item ? await this.directory.snapshot(item.employeeId) : null;
    if (!item || grantee === null) return null;
    try {
      const result = await handleCommand(
        this.store,
        authorizationStream(authorizationId),
        authorizationDecider,
        {
          type: 'RevokeAuthorization',
          data: { actor: { kind: 'system', id: `access-review:${state.review.accessReviewId}` }, grantee, reason: accessReviewRevocationReason(state.review.title, state.review.accessReviewId, note), cause: 'access-review', now: ctx.now },
        },
        { commandId: accessReviewRevocationKey(state.review.accessReviewId, authorizationId), metadata: () => ({ ...eventMetadata(ctx, this.catalogue.version) }) },
      );
      return result.position;
    } catch (error: unknown) {
      if (error instanceof DomainError && error.code === 'INVALID_TRANSITION') return null;
      throw error;
    }
  }

  /** Managers, compliance, `audit:read`, and the reviewers of its items. */
  async requireReader(principal: Principal, state: Open): Promise<EmployeeSnapshot | null> {
    if (hasScope(principal, 'audit:read')) return null;
    const reader = principal.kind === 'employee' ? await this.directory.snapshot(principal.id) : null;
    if (reader !== null && (reader.role === 'manager' || reader.role === 'compliance')) return reader;
    if (reader !== null && [...state.items.values()].some((item) => item.reviewerId === reader.employeeId)) return reader;
    throw new ForbiddenError('NOT_ALLOWED_TO_READ', 'you may not read this access review');
  }
}
