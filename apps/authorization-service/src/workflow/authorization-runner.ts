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
import { deriveEventId, EVENT_STORE, type EventStore, handleCommand, readStreams, type RecordedEvent } from '../../../../libs/event-store/src/index.js';
import { CATALOGUE } from '../../../../libs/platform/src/index.js';
import { type Presented, presentAuthorization } from '../../../../libs/read-models/src/authorization/authorization.presentation.js';
import { actingEmployeeOf, DirectoryService, employeeEntryOf } from '../directory/directory.service.js';
import { ConflictError, InvariantError, NotFoundError } from '../shared/application-errors.js';
import { eventMetadata, type RequestContext } from '../shared/request-context.js';
import { parseIfMatch, satisfies } from '../shared/if-match.js';

/**
 * An authorization as the API shows it: the domain's summary with matter names and currency (SPEC §12),
 * and its `version` (the revision of its stream's last event), which a command's If-Match names.
 */
export type AuthorizationView = Presented<AuthorizationSummary> & { readonly version: number };
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

  /** The view of `state` at `version`. */
  summary(state: AuthorizationState, version: number): AuthorizationView {
    const summary = authorizationSummary(state);
    if (summary === null) throw new InvariantError('authorization has no state');
    return { ...presentAuthorization(this.catalogue, summary), version };
  }

  /**
   * Decides on `history` when given (read by `begin`); the append's expected revision guards it, and
   * the caller's If-Match, when sent, guards what they read (shared/if-match.ts).
   */
  async execute(id: string, command: AuthorizationCommand, ctx: RequestContext, history?: readonly RecordedEvent[]): Promise<CommandAnswer> {
    if (history !== undefined && ctx.ifMatch !== null) this.requireReadVersion(id, command, ctx, ctx.ifMatch, history);
    const result = await handleCommand(this.store, authorizationStream(id), authorizationDecider, command, {
      commandId: ctx.commandId,
      metadata: () => ({ ...this.metadata(ctx) }),
      ...(history ? { history } : {}),
    });
    return { ...this.summary(result.newState, result.nextRevision), position: result.position };
  }

  /**
   * 409 CONCURRENCY_CONFLICT unless the authorization is still at a version the caller read. A retry of
   * a command that already acted is not stale (it answers as it did), and a caller the command refuses
   * anyway (not theirs, not possible now) hears that refusal, not whether the version moved.
   */
  private requireReadVersion(id: string, command: AuthorizationCommand, ctx: RequestContext, header: string, history: readonly RecordedEvent[]): void {
    const precondition = parseIfMatch(header);
    const version = history.at(-1)?.revision ?? -1;
    if (satisfies(precondition, version) || history.some((event) => event.id === deriveEventId(ctx.commandId, 0))) return;
    authorizationDecider.decide(command, foldStored(authorizationDecider, history));
    throw new ConflictError('CONCURRENCY_CONFLICT', `authorization ${id} changed since the version you read; it is at version ${version} now: read it again`);
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
