import { Inject, Injectable } from '@nestjs/common';
import {
  type AuthorizationCommand,
  type AuthorizationEvent,
  type AuthorizationState,
  type Catalogue,
  type EmployeeSnapshot,
  type EventMetadata,
  authorizationDecider,
  authorizationStream,
  authorizationSummary,
  fold,
} from '../../../../libs/domain/src/index.js';
import { EVENT_STORE, type EventStore, handleCommand } from '../../../../libs/event-store/src/index.js';
import { CATALOGUE } from '../../../../libs/platform/src/index.js';
import { DirectoryService } from '../directory/directory.service.js';
import { ProblemException, notFound } from '../http/problem.js';
import { eventMetadata, type RequestContext } from '../shared/request-context.js';

export type AuthorizationView = NonNullable<ReturnType<typeof authorizationSummary>>;
export type AppliedState = Exclude<AuthorizationState, { status: 'initial' }>;
export type CommandAnswer = AuthorizationView & { readonly position: string };

/**
 * Runs one authorization command through the generic handleCommand: the thin, shared part of
 * every workflow handler (load, authorize the caller as an employee, decide, append, answer).
 */
@Injectable()
export class AuthorizationRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CATALOGUE) readonly catalogue: Catalogue,
    readonly directory: DirectoryService,
  ) {}

  /** The acting employee's directory entry; services cannot act in the workflow. */
  async actor(ctx: RequestContext): Promise<EmployeeSnapshot> {
    if (ctx.principal.kind !== 'employee') {
      throw new ProblemException(403, 'EMPLOYEE_REQUIRED', 'only employees act in the authorization workflow');
    }
    const actor = await this.directory.snapshot(ctx.principal.id);
    if (actor === null) throw new ProblemException(401, 'UNKNOWN_EMPLOYEE', `employee ${ctx.principal.id} is not in the directory`);
    return actor;
  }

  async load(id: string): Promise<AppliedState> {
    const events = await this.store.readStream(authorizationStream(id));
    const state = fold(authorizationDecider, events as unknown as AuthorizationEvent[]);
    if (state.status === 'initial') throw notFound('authorization', id);
    return state;
  }

  summary(state: AuthorizationState): AuthorizationView {
    const summary = authorizationSummary(state);
    if (summary === null) throw new ProblemException(500, 'INTERNAL', 'authorization has no state');
    return summary;
  }

  async execute(id: string, command: AuthorizationCommand, ctx: RequestContext): Promise<CommandAnswer> {
    const result = await handleCommand(this.store, authorizationStream(id), authorizationDecider, command, {
      commandId: ctx.commandId,
      metadata: () => ({ ...this.metadata(ctx) }),
    });
    return { ...this.summary(result.newState), position: result.position };
  }

  metadata(ctx: RequestContext): EventMetadata {
    return eventMetadata(ctx, this.catalogue.version);
  }
}
