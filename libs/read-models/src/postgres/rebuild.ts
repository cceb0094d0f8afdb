/**
 * Rebuild of the read models: empty them, then replay the whole log from START. Each batch is
 * applied with its checkpoint, so an interrupted rebuild resumes where it stopped (running the
 * projector again continues it). Stop the projector while rebuilding.
 */
import { comparePositions, START, type EventStore, type Position, type RecordedEvent } from '../../../event-store/src/event-store.port.js';
import type { ReadModelStore } from './read-model.store.js';

export interface RebuildProgress {
  readonly applied: number;
  readonly position: Position;
  /** Head of the log when the rebuild started: the target of a progress bar. */
  readonly head: Position;
}

export interface RebuildOptions {
  /** Events per transaction (default 5000): larger batches rewrite each row less often. */
  readonly batchSize?: number;
  /**
   * Rebuild only: drop the secondary indexes for the bulk load and build them once at the end
   * (default true). Queries are slow meanwhile; a crashed rebuild gets them back at the next migration.
   */
  readonly dropIndexes?: boolean;
  readonly onProgress?: (progress: RebuildProgress) => void;
}

export interface RebuildResult {
  readonly applied: number;
  readonly position: Position;
  readonly elapsedMs: number;
}

export const rebuildReadModels = async (store: ReadModelStore, events: Pick<EventStore, 'readAll' | 'headPosition'>, options: RebuildOptions = {}): Promise<RebuildResult> => {
  await store.reset();
  const dropIndexes = options.dropIndexes ?? true;
  if (dropIndexes) await store.dropIndexes();
  const result = await replay(store, events, START, options);
  if (dropIndexes) await store.createIndexes();
  return result;
};

/**
 * Applies what the log holds after the stored checkpoint (up to the head when called), so the read
 * models are current without a running projector (e.g. before an export). Safe alongside a
 * projector: the store skips events at or before the checkpoint under its lock.
 */
export const catchUpReadModels = async (store: ReadModelStore, events: Pick<EventStore, 'readAll' | 'headPosition'>, options: RebuildOptions = {}): Promise<RebuildResult> =>
  replay(store, events, await store.checkpoint(), options);

const replay = async (store: ReadModelStore, events: Pick<EventStore, 'readAll' | 'headPosition'>, from: Position, options: RebuildOptions): Promise<RebuildResult> => {
  const started = performance.now();
  const batchSize = options.batchSize ?? 5000;
  const head = await events.headPosition();
  let position: Position = from;
  let applied = 0;
  // The next batch is read while the current one is written (the log and the read store may be different servers).
  const read = (after: Position): Promise<RecordedEvent[]> => {
    const reading = comparePositions(after, head) < 0 ? events.readAll({ after, limit: batchSize }) : Promise.resolve([]);
    reading.catch(() => undefined);
    return reading;
  };
  let next = read(position);
  for (;;) {
    const batch = await next;
    const last = batch[batch.length - 1];
    if (last === undefined) break;
    next = read(last.position);
    position = await store.apply(batch);
    applied += batch.length;
    options.onProgress?.({ applied, position, head });
  }
  return { applied, position, elapsedMs: performance.now() - started };
};
