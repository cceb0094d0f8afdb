/**
 * Maps stored events, in log order, to their messages through the registry's sources. Holds each
 * followed stream's context (the source's fold of the events before the current one) so that a
 * message needs no read in the common case; a stream first seen mid-way (after a restart) is read
 * once up to the event. Profiles are the `employee` source's context as of the event.
 */
import { comparePositions, type RecordedEvent } from '../../event-store/src/event-store.port.js';
import type { NoticeDisplayNames, NoticeEmployee } from '../../contracts/src/index.js';
import type { NoticeLookups, NoticeSourceRegistry, RegisteredSource } from './notice-source.js';
import type { NoticeMessage } from './notice-publisher.port.js';

export interface StreamReader {
  readStream(streamId: string): Promise<readonly RecordedEvent[]>;
}

export interface NoticeMapperOptions {
  readonly matterNames?: (matter: string) => NoticeDisplayNames | null;
  /** CloudEvents `source`; default NOTICE_SOURCE. */
  readonly source?: string;
  /** Streams whose context is kept (least recently used dropped first; default 10,000). */
  readonly cacheLimit?: number;
}

interface Followed {
  /** Revision of the last event folded in (-1: none). */
  readonly revision: number;
  readonly context: unknown;
}

export const EMPLOYEE_CATEGORY = 'employee';

export class NoticeMapper {
  private readonly contexts = new Map<string, Followed>();
  private readonly lookups: NoticeLookups;

  constructor(
    private readonly events: StreamReader,
    private readonly registry: NoticeSourceRegistry,
    private readonly options: NoticeMapperOptions = {},
  ) {
    this.lookups = {
      employeeAt: async (employeeId, event) => (await this.contextAt(`${EMPLOYEE_CATEGORY}-${employeeId}`, event)) as NoticeEmployee | null,
      matterNames: (matter) => this.options.matterNames?.(matter) ?? null,
      source: options.source,
    };
  }

  /** Whether any source follows the event's stream (the others need not be handed over). */
  follows(event: RecordedEvent): boolean {
    return this.registry.sourceFor(event.streamId) !== null;
  }

  /** Forgets every context: after a gap in the events it was given (a resubscription, a failed batch). */
  reset(): void {
    this.contexts.clear();
  }

  /**
   * The message of `event`, or null. Must be called for the events of a stream in revision order
   * (the log's order does); throws NoticeMappingError when the history does not allow a message.
   */
  async map(event: RecordedEvent): Promise<NoticeMessage | null> {
    const source = this.registry.sourceFor(event.streamId);
    if (source === null) return null;
    const needed = source.publishes(event.type);
    const cached = this.contexts.get(event.streamId);
    let before: { readonly context: unknown } | undefined =
      cached?.revision === event.revision - 1 ? cached : event.revision === 0 ? { context: source.initial } : undefined;
    if (before === undefined && needed) before = { context: await this.fold(source, event.streamId, (e) => e.revision < event.revision) };
    if (before !== undefined) this.remember(event.streamId, { revision: event.revision, context: source.evolve(before.context, event) });
    if (!needed || before === undefined) return null;
    return source.map(event, before.context, this.lookups);
  }

  /** A stream's context as of `event` (its events at or before `event`'s position). */
  private async contextAt(streamId: string, event: RecordedEvent): Promise<unknown> {
    const source = this.registry.sourceFor(streamId);
    if (source === null) return null;
    const cached = this.contexts.get(streamId);
    if (cached) {
      this.remember(streamId, cached);
      return cached.context;
    }
    const stream = await this.events.readStream(streamId);
    const upTo = stream.filter((e) => comparePositions(e.position, event.position) <= 0);
    const context = upTo.reduce(source.evolve, source.initial);
    this.remember(streamId, { revision: upTo.at(-1)?.revision ?? -1, context });
    return context;
  }

  private async fold(source: RegisteredSource, streamId: string, include: (event: RecordedEvent) => boolean): Promise<unknown> {
    const stream = await this.events.readStream(streamId);
    return stream.filter(include).reduce(source.evolve, source.initial);
  }

  private remember(streamId: string, followed: Followed): void {
    this.contexts.delete(streamId);
    this.contexts.set(streamId, followed);
    if (this.contexts.size > (this.options.cacheLimit ?? 10_000)) this.contexts.delete(this.contexts.keys().next().value as string);
  }
}
