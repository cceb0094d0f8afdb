import { Inject, Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { type Catalogue, type Decider, type EmployeeSnapshot, type EventMetadata, foldStored } from '../../../../libs/domain/src/index.js';
import { EVENT_STORE, type EventStore, type RecordedEvent, commandRan, deriveEventId, handleCommand } from '../../../../libs/event-store/src/index.js';
import { CATALOGUE } from '../../../../libs/platform/src/index.js';
import { DirectoryService } from '../directory/directory.service.js';
import { NotFoundError, UnprocessableError } from '../shared/application-errors.js';
import { eventMetadata, type RequestContext } from '../shared/request-context.js';

type AnyEvent = { readonly type: string; readonly data: unknown };

export interface RunResult<S> {
  readonly state: S;
  readonly position: string;
}

export interface RunOptions {
  /** Who the events' metadata names as actor (default: the caller). Anonymous suggestions hide the author. */
  readonly actor?: EventMetadata['actor'];
  /** Distinguishes the event ids of one request writing to several streams. */
  readonly idScope?: string;
  /** The stream as the handler read it (`stream`): not read again; the append still checks its revision. */
  readonly history?: readonly RecordedEvent[];
}

/** Ids of new aggregates come from the command id, so a retried request lands on the same stream. */
const ID_NAMESPACE = '0c6f4a1e-8d0b-4b7e-9a53-5e2f7c1d9b36';

/**
 * The thin, shared part of every supervision handler: the caller's directory entry, loading a
 * stream, and one decider command through the generic handleCommand (SupervisionError → problem).
 */
@Injectable()
export class SupervisionRunner {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(CATALOGUE) readonly catalogue: Catalogue,
    readonly directory: DirectoryService,
  ) {}

  newId(ctx: RequestContext, kind: string): string {
    return uuidv5(`${kind}:${ctx.commandId}`, ID_NAMESPACE);
  }

  actor(ctx: RequestContext): Promise<EmployeeSnapshot> {
    return this.directory.actingEmployee(ctx.principal);
  }

  /** An employee a body names: 422 when unknown (the request is well-formed, the reference is not). */
  async subject(employeeId: string): Promise<EmployeeSnapshot> {
    const subject = await this.directory.snapshot(employeeId);
    if (subject === null) throw new UnprocessableError('UNKNOWN_EMPLOYEE', `employee ${employeeId} is not in the directory`);
    return subject;
  }

  async load<C, E, S extends { readonly status: string }>(stream: string, decider: Decider<C, E, S>, what: string, id: string): Promise<S> {
    return (await this.stream(stream, decider, what, id)).state;
  }

  /** `load`, with the events it folded (for `ran` and `run`'s `history`: one read of the stream). */
  async stream<C, E, S extends { readonly status: string }>(stream: string, decider: Decider<C, E, S>, what: string, id: string): Promise<{ readonly state: S; readonly history: readonly RecordedEvent[] }> {
    const history = await this.store.readStream(stream);
    const state = foldStored(decider, history);
    if (state.status === 'none') throw new NotFoundError(what, id);
    return { state, history };
  }

  async run<C, E extends AnyEvent, S>(stream: string, decider: Decider<C, E, S>, command: C, ctx: RequestContext, options: RunOptions = {}): Promise<RunResult<S>> {
    const key = this.commandKey(ctx, options.idScope);
    const result = await handleCommand(this.store, stream, decider, command, {
      eventIds: (index) => deriveEventId(key, index),
      metadata: () => ({ ...this.metadata(ctx, options.actor) }),
      ...(options.history === undefined ? {} : { history: options.history }),
    });
    return { state: result.newState, position: result.position };
  }

  /**
   * Whether this request's command already wrote to the stream read as `history` (a retry whose first
   * answer was lost): its refusals were decided when it ran, so a handler skips its dry runs and the
   * store answers (handleCommand's `alreadyHandled`, from the same history).
   */
  ran(history: readonly RecordedEvent[], ctx: RequestContext, idScope?: string): boolean {
    const key = this.commandKey(ctx, idScope);
    return commandRan(history, (index) => deriveEventId(key, index));
  }

  private commandKey(ctx: RequestContext, idScope: string | undefined): string {
    return idScope === undefined ? ctx.commandId : `${ctx.commandId}:${idScope}`;
  }

  /** Runs a decider without writing: refusals surface before any other stream is touched. */
  dryRun<C, E, S>(decider: Decider<C, E, S>, state: S, command: C): void {
    decider.decide(command, state);
  }

  metadata(ctx: RequestContext, actor?: EventMetadata['actor']): EventMetadata {
    const metadata = eventMetadata(ctx, this.catalogue.version);
    return actor === undefined ? metadata : { ...metadata, actor };
  }
}
