import { Inject, Injectable } from '@nestjs/common';
import {
  type AuthorizationCommand,
  type AuthorizationState,
  type AuthorizationSummary,
  type Catalogue,
  type EmployeeSnapshot,
  type EventMetadata,
  authorizationDecider,
  authorizationStream,
  authorizationSummary,
  employeeStream,
  foldStored,
} from '../../../../libs/domain/src/index.js';
import { EVENT_STORE, type EventStore, handleCommand, readStreams, type RecordedEvent } from '../../../../libs/event-store/src/index.js';
import { CATALOGUE } from '../../../../libs/platform/src/index.js';
import { type Presented, presentAuthorization } from '../../../../libs/read-models/src/authorization/authorization.presentation.js';
import { actingEmployeeOf, DirectoryService, employeeEntryOf } from '../directory/directory.service.js';
import { InvariantError, NotFoundError } from '../shared/application-errors.js';
import { eventMetadata, type RequestContext } from '../shared/request-context.js';

/** An authorization as the API shows it: the domain's summary with matter names and currency (SPEC §12). */
export type AuthorizationView = Presented<AuthorizationSummary>;
export type AppliedState = Exclude<AuthorizationState, { status: 'initial' }>;
export type CommandAnswer = AuthorizationView & { readonly position: string };

/** What a workflow command decides on, read in one round trip: the actor, the authorization, its stream. */
export interface CommandInput {
  readonly actor: EmployeeSnapshot;
  readonly state: AppliedState;
  readonly history: readonly RecordedEvent[];
}

/**
 * Runs one authorization command through the generic handleCommand: the thin, shared part of
 * every workflow handler (read the actor and the authorization together, decide, append, answer).
 */
@Injectable()
export class AuthorizationRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CATALOGUE) readonly catalogue: Catalogue,
    readonly directory: DirectoryService,
  ) {}

  /** The acting employee's directory entry; services cannot act in the workflow. */
  actor(ctx: RequestContext): Promise<EmployeeSnapshot> {
    return this.directory.actingEmployee(ctx.principal);
  }

  /** The actor and the authorization (404 when unknown), from one read of both streams. */
  async begin(ctx: RequestContext, id: string): Promise<CommandInput> {
    const employeeId = ctx.principal.kind === 'employee' ? ctx.principal.id : null;
    const streams = await readStreams(this.store, employeeId === null ? [authorizationStream(id)] : [authorizationStream(id), employeeStream(employeeId)]);
    const actor = actingEmployeeOf(ctx.principal, employeeId === null ? null : employeeEntryOf(streams.get(employeeStream(employeeId))));
    const history = streams.get(authorizationStream(id)) ?? [];
    return { actor, state: this.fold(id, history), history };
  }

  summary(state: AuthorizationState): AuthorizationView {
    const summary = authorizationSummary(state);
    if (summary === null) throw new InvariantError('authorization has no state');
    return presentAuthorization(this.catalogue, summary);
  }

  /** Decides on `history` when given (read by `begin`); the append's expected revision guards it. */
  async execute(id: string, command: AuthorizationCommand, ctx: RequestContext, history?: readonly RecordedEvent[]): Promise<CommandAnswer> {
    const result = await handleCommand(this.store, authorizationStream(id), authorizationDecider, command, {
      commandId: ctx.commandId,
      metadata: () => ({ ...this.metadata(ctx) }),
      ...(history ? { history } : {}),
    });
    return { ...this.summary(result.newState), position: result.position };
  }

  metadata(ctx: RequestContext): EventMetadata {
    return eventMetadata(ctx, this.catalogue.version);
  }

  /** The state of authorization `id` from its stream's events; 404 when there are none. */
  fold(id: string, history: readonly RecordedEvent[]): AppliedState {
    const state = foldStored(authorizationDecider, history);
    if (state.status === 'initial') throw new NotFoundError('authorization', id);
    return state;
  }
}
