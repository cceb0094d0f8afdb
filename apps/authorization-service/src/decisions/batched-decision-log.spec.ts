import type { SqlClient, SqlQueryable } from '../../../../libs/sql/src/sql-client.port.js';
import type { Position } from '../../../../libs/event-store/src/event-store.port.js';
import { encodePosition } from '../../../../libs/event-store/src/position.js';
import type { ProcessorHost } from '../../../../libs/processors/src/host.js';
import { READ_MODELS_PROJECTION } from '../../../../libs/read-models/src/index.js';
import { toProblem } from '../http/problem.filter.js';
import { UnavailableError } from '../shared/application-errors.js';
import { BatchedDecisionLog } from './batched-decision-log.js';
import type { RecordedDecision } from './decision-log.port.js';

/** A SQL client that keeps the decision batches it is asked to insert, and can be made to fail. */
const fakeSql = () => {
  const batches: RecordedDecision[][] = [];
  let failing = false;
  const client: SqlClient = {
    dialect: 'postgres',
    query: async <R>(text: string, params?: readonly unknown[]) => {
      if (text.includes('INSERT INTO decision_log')) {
        if (failing) throw new Error('store down');
        batches.push(JSON.parse(String(params?.[0])) as RecordedDecision[]);
      }
      return { rows: [] as R[] };
    },
    transaction: <T>(fn: (tx: SqlQueryable) => Promise<T>) => fn(client),
    close: async () => undefined,
  };
  return { client, batches, fail: (value: boolean) => (failing = value) };
};

const decision = (n: number): RecordedDecision => ({
  employeeId: `E${n}`,
  authority: 'compensation.issue',
  context: { amount: n },
  at: '2026-11-01T00:00:00.000Z',
  allowed: true,
  reason: 'GRANT',
  grantId: null,
  policyVersion: 'v1',
  requestedBy: 'svc:crm',
  requestId: `r${n}`,
  decidedAt: '2026-11-01T00:00:00.000Z',
});

/** A host running the read models at `position`, moved by `advance`. */
const readModelsAt = (start: Position) => {
  let position = start;
  const listeners = new Set<() => void>();
  const host = {
    names: () => [READ_MODELS_PROJECTION],
    position: () => position,
    onAdvance: (_name: string, listener: () => void) => (listeners.add(listener), () => listeners.delete(listener)),
  } as unknown as ProcessorHost;
  return { host, advance: (to: Position) => ((position = to), listeners.forEach((l) => l())) };
};

describe('BatchedDecisionLog', () => {
  it('writes a batch only once the employee read model has read as far as its checks were answered (so the team is known)', async () => {
    const sql = fakeSql();
    const models = readModelsAt(encodePosition(1, 5));
    const log = new BatchedDecisionLog(sql.client, { flushIntervalMs: 60_000, batchSize: 10, maxQueue: 100, teamWaitMs: 60_000 }, models.host);
    log.record(decision(1), encodePosition(1, 9));
    const flushed = log.flush();
    await new Promise((resolve) => setImmediate(resolve));
    expect(sql.batches).toHaveLength(0);
    models.advance(encodePosition(1, 9));
    await flushed;
    expect(sql.batches.flat().map((d) => d.employeeId)).toEqual(['E1']);
  });

  it('writes anyway once the wait for the employee read model is over', async () => {
    const sql = fakeSql();
    const models = readModelsAt(encodePosition(1, 5));
    const log = new BatchedDecisionLog(sql.client, { flushIntervalMs: 60_000, batchSize: 10, maxQueue: 100, teamWaitMs: 20 }, models.host);
    log.record(decision(1), encodePosition(1, 9));
    await log.flush();
    expect(sql.batches.flat().map((d) => d.employeeId)).toEqual(['E1']);
  });

  it('holds a decision for a stalled read model at most teamWaitMs after it was recorded, not teamWaitMs per batch', async () => {
    const sql = fakeSql();
    const models = readModelsAt(encodePosition(1, 5));
    const log = new BatchedDecisionLog(sql.client, { flushIntervalMs: 60_000, batchSize: 1, maxQueue: 100, teamWaitMs: 400 }, models.host);
    for (let n = 0; n < 10; n++) log.record(decision(n), encodePosition(1, 9));
    const started = Date.now();
    await log.flush();
    // One wait of 400 ms for the first batch; ten waits (the old bound) would be 4 s.
    expect(Date.now() - started).toBeLessThan(2000);
    expect(sql.batches.flat().map((d) => d.employeeId)).toEqual(['E0', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9']);
  });

  it('writes queued decisions in batches of at most batchSize, in order, on flush', async () => {
    const sql = fakeSql();
    const log = new BatchedDecisionLog(sql.client, { flushIntervalMs: 60_000, batchSize: 3, maxQueue: 100, teamWaitMs: 0 });
    for (let n = 0; n < 7; n++) log.record(decision(n));
    expect(sql.batches).toHaveLength(0);
    await log.flush();
    expect(sql.batches.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(sql.batches.flat().map((d) => d.employeeId)).toEqual(['E0', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6']);
  });

  it('keeps a batch whose write failed and writes it once the store is back', async () => {
    const sql = fakeSql();
    const log = new BatchedDecisionLog(sql.client, { flushIntervalMs: 60_000, batchSize: 10, maxQueue: 100, teamWaitMs: 0 });
    log.record(decision(1));
    sql.fail(true);
    await expect(log.flush()).rejects.toThrow('store down');
    log.record(decision(2));
    sql.fail(false);
    await log.flush();
    expect(sql.batches.flat().map((d) => d.employeeId)).toEqual(['E1', 'E2']);
  });

  it('refuses with 503 instead of dropping when the queue is full', async () => {
    const sql = fakeSql();
    const log = new BatchedDecisionLog(sql.client, { flushIntervalMs: 60_000, batchSize: 10, maxQueue: 2, teamWaitMs: 0 });
    log.record(decision(1));
    log.record(decision(2));
    expect(log.canAccept(1)).toBe(false);
    let refused: unknown;
    try {
      log.record(decision(3));
    } catch (error: unknown) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(UnavailableError);
    expect(toProblem(refused)).toMatchObject({ status: 503, code: 'DECISION_LOG_BACKLOGGED' });
    await log.beforeApplicationShutdown();
    expect(sql.batches.flat()).toHaveLength(2);
    expect(log.canAccept(2)).toBe(true);
  });
});
