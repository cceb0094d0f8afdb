/**
 * An in-memory EventStore implementing the port (tests only), so the relay's suites do not depend
 * on an adapter being written in parallel. Positions are zero-padded sequence numbers.
 */
import {
  ConcurrencyError,
  START,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../../../../libs/event-store/src/event-store.port.js';

const pad = (n: number): Position => String(n).padStart(20, '0');

export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly listeners = new Set<() => void>();

  async append(streamId: string, events: readonly NewEvent[], options: { readonly expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const stream = this.log.filter((e) => e.streamId === streamId);
    const actual = stream.length === 0 ? 'no_stream' : stream.length - 1;
    if (events.every((e) => stream.some((s) => s.id === e.id)) && events.length > 0) {
      return { nextRevision: stream.length - 1, position: stream[stream.length - 1]!.position, duplicate: true };
    }
    if (actual !== options.expectedRevision) throw new ConcurrencyError(streamId, options.expectedRevision, actual);
    for (const [i, e] of events.entries()) {
      this.log.push({ ...e, streamId, revision: stream.length + i, position: pad(this.log.length + 1), recordedAt: new Date().toISOString() });
    }
    for (const listener of this.listeners) listener();
    return { nextRevision: stream.length + events.length - 1, position: pad(this.log.length), duplicate: false };
  }

  /** Appends after the stream's current end (tests do not care about concurrency). */
  async appendAny(streamId: string, events: readonly NewEvent[]): Promise<AppendResult> {
    const count = (await this.readStream(streamId)).length;
    return this.append(streamId, events, { expectedRevision: count === 0 ? 'no_stream' : count - 1 });
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.log.filter((e) => e.streamId === streamId);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? START;
    return this.log.filter((e) => e.position > after).slice(0, options.limit ?? 1000);
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    let position = options.after;
    let stopped = false;
    let running: Promise<void> = Promise.resolve();
    let again = false;
    const pump = async (): Promise<void> => {
      do {
        again = false;
        for (;;) {
          if (stopped) return;
          const batch = await this.readAll({ after: position, limit: options.batchSize ?? 100 });
          if (batch.length === 0) break;
          for (const event of batch) {
            if (stopped) return;
            await options.onEvent(event);
            position = event.position;
          }
        }
        if (!stopped) options.onCaughtUp?.(position);
      } while (again && !stopped);
    };
    const kick = (): void => {
      again = true;
      running = running.then(pump).catch((error: unknown) => options.onError?.(error));
    };
    this.listeners.add(kick);
    kick();
    return {
      position: () => position,
      stop: async () => {
        stopped = true;
        this.listeners.delete(kick);
        await running;
      },
    };
  }

  async headPosition(): Promise<Position> {
    return this.log.length === 0 ? START : pad(this.log.length);
  }

  /** Every appended event is visible at once. */
  writtenPosition(): Promise<Position> {
    return this.headPosition();
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
