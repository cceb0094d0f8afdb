import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START as ESDB_START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  ConcurrencyError,
  START,
  comparePositions,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port.js';
import { decodePosition, encodePosition } from '../position.js';

type EsdbRecorded = NonNullable<ResolvedEvent['event']>;

const isSystem = (event: EsdbRecorded): boolean => event.type.startsWith('$') || event.streamId.startsWith('$');

const toRecorded = (event: EsdbRecorded): RecordedEvent => ({
  id: event.id,
  type: event.type,
  streamId: event.streamId,
  revision: Number(event.revision),
  position: event.position ? encodePosition(event.position.commit, event.position.prepare) : START,
  data: event.isJson ? event.data : null,
  metadata: event.isJson && event.metadata && typeof event.metadata === 'object' ? (event.metadata as Record<string, unknown>) : {},
  recordedAt: event.created.toISOString(),
});

const toEsdbPosition = (position: Position): { commit: bigint; prepare: bigint } | typeof ESDB_START => {
  if (position === START) return ESDB_START;
  const [commit, prepare] = decodePosition(position);
  return { commit: BigInt(commit), prepare: BigInt(prepare) };
};

const MAX_BACKOFF_MS = 5_000;

/**
 * The EventStore on EventStoreDB / KurrentDB. Every append carries the exact expected revision
 * (never ANY). Before appending, the stream is searched for the event ids: ESDB only de-duplicates
 * a retry sent with the original expected revision, and would store a second copy otherwise.
 */
export const createEsdbEventStore = (connectionString: string): EventStore => {
  const client = EventStoreDBClient.connectionString(connectionString);

  const readStream = async (streamId: string, direction: typeof FORWARDS | typeof BACKWARDS = FORWARDS): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of client.readStream(streamId, { direction, fromRevision: direction === FORWARDS ? ESDB_START : END })) {
        if (resolved.event) events.push(toRecorded(resolved.event));
      }
    } catch (error: unknown) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  };

  /** The stored events among `ids` (newest first search) and the stream's current revision. */
  const findStored = async (streamId: string, ids: ReadonlySet<string>) => {
    const found: RecordedEvent[] = [];
    let current: number | 'no_stream' = 'no_stream';
    try {
      for await (const resolved of client.readStream(streamId, { direction: BACKWARDS, fromRevision: END })) {
        if (!resolved.event) continue;
        if (current === 'no_stream') current = Number(resolved.event.revision);
        if (ids.has(resolved.event.id)) found.push(toRecorded(resolved.event));
        if (found.length === ids.size) break;
      }
    } catch (error: unknown) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return { found, current };
  };

  const idempotentResult = async (streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult | null> => {
    const ids = new Set(events.map((e) => e.id));
    const { found, current } = await findStored(streamId, ids);
    if (found.length === 0) return null;
    const last = found.reduce((a, b) => (a.revision > b.revision ? a : b));
    if (found.length === ids.size) return { nextRevision: last.revision, position: last.position, duplicate: true };
    throw new ConcurrencyError(streamId, expected, current);
  };

  const readAll = async (options: ReadAllOptions = {}): Promise<RecordedEvent[]> => {
    const after = options.after ?? START;
    const limit = options.limit ?? 1000;
    const events: RecordedEvent[] = [];
    let from = toEsdbPosition(after);
    // ESDB's fromPosition is inclusive, so each page re-reads the previous page's last event.
    let floor = after;
    // readAll has no server-side filter in this client: page past system events until `limit` user events.
    for (;;) {
      let seen = 0;
      let lastPosition: Position | undefined;
      for await (const resolved of client.readAll({ fromPosition: from, maxCount: limit + 1, direction: FORWARDS })) {
        seen += 1;
        const event = (resolved as AllStreamResolvedEvent).event;
        if (!event) continue;
        const recorded = toRecorded(event);
        lastPosition = recorded.position;
        if (comparePositions(recorded.position, floor) <= 0) continue;
        floor = recorded.position;
        if (isSystem(event)) continue;
        events.push(recorded);
        if (events.length === limit) return events;
      }
      if (seen < limit + 1 || !lastPosition) return events;
      from = toEsdbPosition(lastPosition);
    }
  };

  const headPosition = async (): Promise<Position> => {
    for await (const resolved of client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 4096 })) {
      const event = (resolved as AllStreamResolvedEvent).event;
      if (event && !isSystem(event) && event.position) return encodePosition(event.position.commit, event.position.prepare);
    }
    return START;
  };

  return {
    async append(streamId, events, { expectedRevision }): Promise<AppendResult> {
      if (events.length === 0) throw new RangeError('append needs at least one event');
      const retried = await idempotentResult(streamId, events, expectedRevision);
      if (retried) return retried;
      try {
        const result = await client.appendToStream(
          streamId,
          events.map((e) => jsonEvent({ id: e.id, type: e.type, data: (e.data ?? null) as never, metadata: e.metadata as never })),
          { expectedRevision: expectedRevision === 'no_stream' ? NO_STREAM : BigInt(expectedRevision) },
        );
        return {
          nextRevision: Number(result.nextExpectedRevision),
          position: result.position ? encodePosition(result.position.commit, result.position.prepare) : START,
          duplicate: false,
        };
      } catch (error: unknown) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // A concurrent identical retry may have won the race: that is still a duplicate, not a conflict.
        const raced = await idempotentResult(streamId, events, expectedRevision);
        if (raced) return raced;
        const actual = error.actualVersion;
        throw new ConcurrencyError(streamId, expectedRevision, typeof actual === 'bigint' ? Number(actual) : 'no_stream');
      }
    },

    readStream: (streamId) => readStream(streamId),
    readAll,

    subscribeToAll(options: SubscribeOptions): Subscription {
      let position = options.after;
      let stopped = false;
      let current: { unsubscribe(): Promise<void> } | undefined;
      const run = async (): Promise<void> => {
        let failures = 0;
        while (!stopped) {
          const subscription = client.subscribeToAll({ fromPosition: toEsdbPosition(position), filter: excludeSystemEvents() });
          current = subscription;
          subscription.on('caughtUp', () => options.onCaughtUp?.(position));
          try {
            for await (const resolved of subscription) {
              if (stopped) break;
              const event = resolved.event;
              if (!event || isSystem(event)) continue;
              const recorded = toRecorded(event);
              if (comparePositions(recorded.position, position) <= 0) continue;
              await options.onEvent(recorded);
              position = recorded.position;
              failures = 0;
            }
          } catch (error: unknown) {
            if (stopped) break;
            failures += 1;
            options.onError?.(error);
            await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** failures, MAX_BACKOFF_MS)));
          } finally {
            await subscription.unsubscribe().catch(() => undefined);
          }
        }
      };
      const done = run();
      return {
        position: () => position,
        stop: async () => {
          stopped = true;
          await current?.unsubscribe().catch(() => undefined);
          await done;
        },
      };
    },

    headPosition,
    // A reader of $all sees every committed event at once: nothing written is held back.
    writtenPosition: headPosition,

    async ping(): Promise<void> {
      for await (const _ of client.readAll({ maxCount: 1 })) break;
    },

    close: () => client.dispose(),
  };
};
