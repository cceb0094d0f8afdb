import { randomUUID } from 'node:crypto';
import {
  ConcurrencyError,
  START,
  comparePositions,
  type EventStore,
  type NewEvent,
  type Position,
  type RecordedEvent,
  type Subscription,
} from '../event-store.port.js';

export interface ContractFixture {
  readonly store: EventStore;
  /** Closes the store and removes what the fixture created. */
  readonly teardown: () => Promise<void>;
}

export const newEvent = (type = 'Tested', data: unknown = { n: 1 }): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { correlationId: randomUUID(), actor: { id: 'tester', kind: 'system' } },
});

export const waitFor = async (predicate: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const open = new Set<Subscription>();

/** Stops subscriptions a failed test left running (they would keep jest alive). */
export const stopOpenSubscriptions = async (): Promise<void> => {
  await Promise.all([...open].map((s) => s.stop()));
  open.clear();
};

/** Subscribes from `after` and records what is delivered, keeping only this test's streams. */
export const collect = (store: EventStore, after: Position, prefix: string) => {
  const delivered: RecordedEvent[] = [];
  let caughtUp = false;
  const subscription: Subscription = store.subscribeToAll({
    after,
    batchSize: 7,
    onEvent: (event) => {
      if (event.streamId.startsWith(prefix)) delivered.push(event);
    },
    onCaughtUp: () => {
      caughtUp = true;
    },
  });
  open.add(subscription);
  return { delivered, subscription, isCaughtUp: () => caughtUp };
};

const expectStrictlyIncreasing = (positions: readonly Position[]): void => {
  for (let i = 1; i < positions.length; i += 1) {
    expect(comparePositions(positions[i - 1] as Position, positions[i] as Position)).toBe(-1);
  }
};

/** Everything after `after` in the global log, paging with a small limit. */
const readAllPaged = async (store: EventStore, after: Position, prefix: string): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  let from = after;
  for (;;) {
    const page = await store.readAll({ after: from, limit: 5 });
    all.push(...page);
    const last = page[page.length - 1];
    if (!last || page.length < 5) break;
    from = last.position;
  }
  return all.filter((e) => e.streamId.startsWith(prefix));
};

/**
 * The one behaviour every EventStore adapter must have. Tests share one store and isolate
 * themselves by stream prefix and by reading the global log after the head they started from.
 */
export const runEventStoreContract = (
  name: string,
  factory: () => Promise<ContractFixture>,
  options: { readonly setupTimeoutMs?: number } = {},
): void => {
  describe(`EventStore contract: ${name}`, () => {
    let fixture: ContractFixture;
    let store: EventStore;
    let prefix: string;
    beforeAll(async () => {
      fixture = await factory();
      store = fixture.store;
    }, options.setupTimeoutMs ?? 30_000);
    afterEach(stopOpenSubscriptions);
    afterAll(async () => {
      await fixture?.teardown();
    }, options.setupTimeoutMs ?? 30_000);
    beforeEach(() => {
      prefix = `contract${randomUUID().slice(0, 8)}-`;
    });

    describe('append and read', () => {
      it('returns appended events from readStream with their ids, revisions, data and metadata', async () => {
        const stream = `${prefix}a`;
        const events = [newEvent('Opened', { n: 1, nested: { ok: true } }), newEvent('Changed', { n: 2 })];
        const result = await store.append(stream, events, { expectedRevision: 'no_stream' });
        expect(result).toMatchObject({ nextRevision: 1, duplicate: false });
        const read = await store.readStream(stream);
        expect(read.map((e) => [e.id, e.type, e.streamId, e.revision, e.data, e.metadata])).toEqual(
          events.map((e, i) => [e.id, e.type, stream, i, e.data, e.metadata]),
        );
        expectStrictlyIncreasing(read.map((e) => e.position));
        expect(read[1]?.position).toBe(result.position);
        expect(comparePositions(START, result.position)).toBe(-1);
        expect(new Date(read[0]?.recordedAt ?? '').toISOString()).toBe(read[0]?.recordedAt);
        expect(await store.readStream(`${prefix}missing`)).toEqual([]);
      });

      it('moves the head to the position of the last append', async () => {
        const result = await store.append(`${prefix}h`, [newEvent()], { expectedRevision: 'no_stream' });
        await waitFor(async () => comparePositions(await store.headPosition(), result.position) >= 0, 'head');
        expect(comparePositions(await store.headPosition(), result.position)).toBe(0);
      });

      it('has written at once everything it answered: writtenPosition at or after the last append and the head', async () => {
        const result = await store.append(`${prefix}w`, [newEvent()], { expectedRevision: 'no_stream' });
        const written = await store.writtenPosition();
        expect(comparePositions(written, result.position)).toBeGreaterThanOrEqual(0);
        expect(comparePositions(written, await store.headPosition())).toBeGreaterThanOrEqual(0);
      });
    });

    describe('expected revision', () => {
      it('rejects no_stream on an existing stream, a stale, an ahead and a missing revision, writing nothing', async () => {
        const stream = `${prefix}c`;
        const head = await store.headPosition();
        await store.append(stream, [newEvent(), newEvent()], { expectedRevision: 'no_stream' });
        const attempts = [
          { stream, expected: 'no_stream' as const, actual: 1 },
          { stream, expected: 0, actual: 1 },
          { stream, expected: 5, actual: 1 },
          { stream: `${prefix}none`, expected: 0, actual: 'no_stream' as const },
        ];
        for (const attempt of attempts) {
          const error = await store.append(attempt.stream, [newEvent()], { expectedRevision: attempt.expected }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(ConcurrencyError);
          expect(error).toMatchObject({ streamId: attempt.stream, expected: attempt.expected, actual: attempt.actual });
        }
        expect(await store.readStream(stream)).toHaveLength(2);
        expect(await store.readStream(`${prefix}none`)).toEqual([]);
        expect(await readAllPaged(store, head, prefix)).toHaveLength(2);
        await expect(store.append(stream, [newEvent()], { expectedRevision: 1 })).resolves.toMatchObject({ nextRevision: 2 });
      });

      it('lets exactly one of two racing appends with the same expected revision win', async () => {
        const stream = `${prefix}race`;
        await store.append(stream, [newEvent()], { expectedRevision: 'no_stream' });
        const outcomes = await Promise.allSettled([0, 1, 2, 3].map(() => store.append(stream, [newEvent()], { expectedRevision: 0 })));
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(ConcurrencyError);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('writes nothing when an append fails part-way', async () => {
        const stream = `${prefix}partial`;
        const broken = [newEvent(), { ...newEvent(), id: 'not-a-uuid' }];
        await expect(store.append(stream, broken, { expectedRevision: 'no_stream' })).rejects.toThrow();
        expect(await store.readStream(stream)).toEqual([]);
        await expect(store.append(stream, [newEvent()], { expectedRevision: 'no_stream' })).resolves.toMatchObject({ nextRevision: 0 });
      });
    });

    describe('idempotent retries', () => {
      it('returns the original result with duplicate: true and writes nothing', async () => {
        const stream = `${prefix}i`;
        const head = await store.headPosition();
        const original = [newEvent(), newEvent()];
        const first = await store.append(stream, original, { expectedRevision: 'no_stream' });
        const retry = await store.append(stream, original, { expectedRevision: 'no_stream' });
        expect(retry).toMatchObject({ nextRevision: first.nextRevision, position: first.position, duplicate: true });
        await store.append(stream, [newEvent()], { expectedRevision: 1 });
        // Retried later, with the original or with the current revision: still the original result.
        const late = await store.append(stream, original, { expectedRevision: 'no_stream' });
        expect(late).toMatchObject({ nextRevision: 1, position: first.position, duplicate: true });
        const current = await store.append(stream, original, { expectedRevision: 2 });
        expect(current).toMatchObject({ nextRevision: 1, position: first.position, duplicate: true });
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(await readAllPaged(store, head, prefix)).toHaveLength(3);
      });

      it('rejects an append that repeats only some stored ids, writing nothing', async () => {
        const stream = `${prefix}p`;
        const original = [newEvent(), newEvent()];
        await store.append(stream, original, { expectedRevision: 'no_stream' });
        const mixed = [original[0] as NewEvent, newEvent()];
        await expect(store.append(stream, mixed, { expectedRevision: 1 })).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(store.append(stream, mixed, { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('global log', () => {
      it('reads all events in commit order, the same in one batch and in pages', async () => {
        const head = await store.headPosition();
        const appended: string[] = [];
        for (const [i, s] of ['x', 'y', 'x', 'z', 'y', 'x'].entries()) {
          const stream = `${prefix}${s}`;
          const existing = await store.readStream(stream);
          const event = newEvent('Ordered', { i });
          await store.append(stream, [event], { expectedRevision: existing.length === 0 ? 'no_stream' : existing.length - 1 });
          appended.push(event.id);
        }
        const paged = await readAllPaged(store, head, prefix);
        expect(paged.map((e) => e.id)).toEqual(appended);
        expectStrictlyIncreasing(paged.map((e) => e.position));
        const oneBatch = (await store.readAll({ after: head, limit: 1000 })).filter((e) => e.streamId.startsWith(prefix));
        expect(oneBatch.map((e) => e.id)).toEqual(appended);
      });
    });

    describe('subscribeToAll', () => {
      it('delivers history then live events exactly once and in order, and resumes after stop', async () => {
        const head = await store.headPosition();
        const stream = `${prefix}s`;
        const ids: string[] = [];
        const appendOne = async (expected: 'no_stream' | number) => {
          const event = newEvent();
          ids.push(event.id);
          await store.append(stream, [event], { expectedRevision: expected });
        };
        await appendOne('no_stream');
        for (let r = 0; r < 9; r += 1) await appendOne(r);
        const first = collect(store, head, prefix);
        await waitFor(() => first.isCaughtUp() && first.delivered.length === 10, 'history');
        for (let r = 9; r < 12; r += 1) await appendOne(r);
        await waitFor(() => first.delivered.length === 13, 'live events');
        await first.subscription.stop();
        const resumeFrom = first.subscription.position();
        expect(resumeFrom).toBe(first.delivered[12]?.position);

        for (let r = 12; r < 15; r += 1) await appendOne(r);
        expect(first.delivered).toHaveLength(13);
        const second = collect(store, resumeFrom, prefix);
        await waitFor(() => second.delivered.length === 3, 'resumed events');
        await second.subscription.stop();
        expect([...first.delivered, ...second.delivered].map((e) => e.id)).toEqual(ids);
        expect([...first.delivered, ...second.delivered].map((e) => e.revision)).toEqual(ids.map((_, i) => i));
      });

      it('sees every event of 16 concurrent writers once, in order, without gaps', async () => {
        const head = await store.headPosition();
        const watcher = collect(store, head, prefix);
        const committed = new Set<string>();
        const ownStream = async (w: number) => {
          for (let r = 0; r < 5; r += 1) {
            const event = newEvent('Own', { w, r });
            await store.append(`${prefix}own-${w}`, [event], { expectedRevision: r === 0 ? 'no_stream' : r - 1 });
            committed.add(event.id);
          }
        };
        const sharedStream = async (w: number) => {
          for (let done = 0; done < 3; ) {
            const events = await store.readStream(`${prefix}shared`);
            const event = newEvent('Shared', { w, done });
            try {
              await store.append(`${prefix}shared`, [event], { expectedRevision: events.length === 0 ? 'no_stream' : events.length - 1 });
              committed.add(event.id);
              done += 1;
            } catch (error: unknown) {
              if (!(error instanceof ConcurrencyError)) throw error;
            }
          }
        };
        const writers = Array.from({ length: 16 }, (_, w) => [ownStream(w), sharedStream(w)]).flat();
        await Promise.all(writers);
        expect(committed.size).toBe(16 * 5 + 16 * 3);
        await waitFor(() => watcher.delivered.length >= committed.size, 'all committed events');
        await watcher.subscription.stop();

        const delivered = watcher.delivered;
        expect(delivered).toHaveLength(committed.size);
        expect(new Set(delivered.map((e) => e.id))).toEqual(committed);
        expectStrictlyIncreasing(delivered.map((e) => e.position));
        const byStream = new Map<string, number[]>();
        for (const e of delivered) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.revision]);
        for (const revisions of byStream.values()) expect(revisions).toEqual(revisions.map((_, i) => i));
        expect(byStream.get(`${prefix}shared`)).toHaveLength(48);
        expect((await readAllPaged(store, head, prefix)).map((e) => e.id)).toEqual(delivered.map((e) => e.id));
      });
    });
  });
};
