import { createPgliteClient } from '../../sql/src/index.js';
import { ConcurrencyError, START, type EventStore } from './event-store.port.js';
import type { Decider } from '../../domain/src/decider.js';
import { deriveEventId, handleCommand } from './handle-command.js';
import { createPostgresEventStore } from './postgres/postgres-event-store.js';

type CounterEvent = { type: 'Opened'; data: { limit: number } } | { type: 'Added'; data: { amount: number } };
type CounterCommand = { type: 'Open'; limit: number } | { type: 'Add'; amount: number } | { type: 'Noop' };
type CounterState = { status: 'none' } | { status: 'open'; limit: number; total: number };

class LimitExceeded extends Error {}

const numberIn = (data: unknown, key: string): number => Number((data as Record<string, unknown> | null)?.[key]);

const counter: Decider<CounterCommand, CounterEvent, CounterState> = {
  codec: {
    decode: ({ type, data }) =>
      type === 'Opened' ? { type, data: { limit: numberIn(data, 'limit') } } : type === 'Added' ? { type, data: { amount: numberIn(data, 'amount') } } : null,
    schemaVersion: () => 1,
  },
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'Opened':
        return { status: 'open', limit: event.data.limit, total: 0 };
      case 'Added':
        return state.status === 'open' ? { ...state, total: state.total + event.data.amount } : state;
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'Open':
        return state.status === 'none' ? [{ type: 'Opened', data: { limit: command.limit } }] : [];
      case 'Add':
        if (state.status !== 'open' || state.total + command.amount > state.limit) throw new LimitExceeded();
        return [{ type: 'Added', data: { amount: command.amount } }];
      case 'Noop':
        return [];
      default: {
        const _exhaustive: never = command;
        return _exhaustive;
      }
    }
  },
};

describe('handleCommand', () => {
  let store: EventStore;
  beforeAll(async () => {
    const s = createPostgresEventStore(await createPgliteClient('memory'), { ownsClient: true });
    await s.ensureSchema();
    store = s;
  });
  afterAll(() => store.close());

  it('reads, folds, decides and appends with derived ids and metadata', async () => {
    const opened = await handleCommand(store, 'counter-1', counter, { type: 'Open', limit: 10 }, { commandId: 'cmd-1', metadata: () => ({ actor: 'me' }) });
    expect(opened).toMatchObject({ nextRevision: 0, duplicate: false, newState: { status: 'open', limit: 10, total: 0 } });
    const added = await handleCommand(store, 'counter-1', counter, { type: 'Add', amount: 4 }, { commandId: 'cmd-2' });
    expect(added.newState).toEqual({ status: 'open', limit: 10, total: 4 });
    expect(added.events.map((e) => [e.id, e.revision, e.position])).toEqual([[deriveEventId('cmd-2', 0), 1, added.position]]);
    const stored = await store.readStream('counter-1');
    expect(stored.map((e) => [e.id, e.type, e.metadata])).toEqual([
      [deriveEventId('cmd-1', 0), 'Opened', { actor: 'me' }],
      [deriveEventId('cmd-2', 0), 'Added', {}],
    ]);
  });

  it('returns the original outcome with duplicate: true when a command is retried', async () => {
    await handleCommand(store, 'counter-2', counter, { type: 'Open', limit: 10 }, { commandId: 'open-2' });
    const first = await handleCommand(store, 'counter-2', counter, { type: 'Add', amount: 3 }, { commandId: 'add-2' });
    const retry = await handleCommand(store, 'counter-2', counter, { type: 'Add', amount: 3 }, { commandId: 'add-2' });
    expect(retry).toMatchObject({ duplicate: true, position: first.position, nextRevision: 1, newState: { total: 3 } });
    expect(retry.events.map((e) => e.id)).toEqual([deriveEventId('add-2', 0)]);
    expect(await store.readStream('counter-2')).toHaveLength(2);
  });

  it('answers a retry whose events are stored with the first result, even when the decider would now refuse and the stream moved on', async () => {
    await handleCommand(store, 'counter-lost', counter, { type: 'Open', limit: 5 }, { commandId: 'open-4' });
    const first = await handleCommand(store, 'counter-lost', counter, { type: 'Add', amount: 5 }, { commandId: 'add-4' });
    await handleCommand(store, 'counter-lost', counter, { type: 'Add', amount: 0 }, { commandId: 'later-4' });
    // Deciding again would throw LimitExceeded (total is already 5): the store is the record.
    const retry = await handleCommand(store, 'counter-lost', counter, { type: 'Add', amount: 5 }, { commandId: 'add-4' });
    expect(retry).toMatchObject({ duplicate: true, position: first.position, nextRevision: first.nextRevision, newState: first.newState });
    expect(retry.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    const byIds = await handleCommand(store, 'counter-lost', counter, { type: 'Add', amount: 5 }, { eventIds: (i) => deriveEventId('add-4', i) });
    expect(byIds).toMatchObject({ duplicate: true, position: first.position });
    await expect(handleCommand(store, 'counter-lost', counter, { type: 'Add', amount: 5 }, { commandId: 'add-4-other' })).rejects.toBeInstanceOf(LimitExceeded);
    expect(await store.readStream('counter-lost')).toHaveLength(3);
  });

  it('answers a retry that raced its original (decided on a stream read before it) from the stored events, as a duplicate', async () => {
    await handleCommand(store, 'counter-race', counter, { type: 'Open', limit: 10 }, { commandId: 'open-5' });
    const stale = await store.readStream('counter-race');
    const first = await handleCommand(store, 'counter-race', counter, { type: 'Add', amount: 2 }, { commandId: 'add-5' });
    await handleCommand(store, 'counter-race', counter, { type: 'Add', amount: 7 }, { commandId: 'later-5' });
    // It decides on `stale` (the original not in it), appends the same ids and learns it was a duplicate.
    const retry = await handleCommand(store, 'counter-race', counter, { type: 'Add', amount: 2 }, { commandId: 'add-5', history: stale });
    expect(retry).toMatchObject({ duplicate: true, position: first.position, nextRevision: first.nextRevision, newState: { status: 'open', limit: 10, total: 2 } });
    expect(retry.events.map((e) => e.id)).toEqual([deriveEventId('add-5', 0)]);
    expect(await store.readStream('counter-race')).toHaveLength(3);
  });

  it('appends nothing when the decider returns no events and answers with the stream position', async () => {
    const opened = await handleCommand(store, 'counter-3', counter, { type: 'Open', limit: 1 });
    const again = await handleCommand(store, 'counter-3', counter, { type: 'Noop' });
    expect(again).toMatchObject({ events: [], duplicate: false, nextRevision: 0, position: opened.position });
    const none = await handleCommand(store, 'counter-none', counter, { type: 'Noop' });
    expect(none).toMatchObject({ events: [], nextRevision: -1, newState: { status: 'none' } });
    expect(none.position >= START).toBe(true);
  });

  it('propagates a domain error and writes nothing', async () => {
    await handleCommand(store, 'counter-4', counter, { type: 'Open', limit: 1 });
    await expect(handleCommand(store, 'counter-4', counter, { type: 'Add', amount: 2 })).rejects.toBeInstanceOf(LimitExceeded);
    expect(await store.readStream('counter-4')).toHaveLength(1);
  });

  it('turns a concurrent writer into a ConcurrencyError (no lost update)', async () => {
    await handleCommand(store, 'counter-5', counter, { type: 'Open', limit: 100 });
    const racing = await Promise.allSettled([1, 2, 3].map((amount) => handleCommand(store, 'counter-5', counter, { type: 'Add', amount })));
    const won = racing.filter((r) => r.status === 'fulfilled');
    expect(won.length).toBeGreaterThanOrEqual(1);
    for (const r of racing) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConcurrencyError);
    expect(await store.readStream('counter-5')).toHaveLength(1 + won.length);
  });

  it('derives stable, distinct UUIDv5 ids', () => {
    expect(deriveEventId('k', 0)).toBe(deriveEventId('k', 0));
    expect(deriveEventId('k', 0)).not.toBe(deriveEventId('k', 1));
    expect(deriveEventId('k', 0)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
