import type { EventStore } from '../../../../libs/event-store/src/event-store.port.js';
import { readCheckpoint } from '../../../../libs/processors/src/checkpoints.js';
import { applyProjection } from '../../../../libs/processors/src/host.js';
import type { SqlClient } from '../../../../libs/sql/src/sql-client.port.js';
import type { ExpiryScheduler } from '../expiry-scheduler.js';

/**
 * Folds what the store shows now into the scheduler's tables, batch by batch through the host's own
 * `applyProjection` (checkpoint and rows in one transaction): what a host does, for tests that tick
 * at chosen instants without one.
 */
export async function projectOnce(store: Pick<EventStore, 'readAll'>, sql: SqlClient, scheduler: ExpiryScheduler, batchSize = 500): Promise<void> {
  await scheduler.ensureSchema();
  for (;;) {
    const batch = await store.readAll({ after: await readCheckpoint(sql, scheduler.projection.name), limit: batchSize });
    if (batch.length > 0) await applyProjection(sql, scheduler.projection, batch);
    if (batch.length < batchSize) return;
  }
}
