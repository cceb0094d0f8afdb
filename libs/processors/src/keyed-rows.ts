/**
 * The shape of most small SQL projections: every event touches at most one row by key. Load the rows
 * a batch touches, fold the events over them in order (a pure `evolve`), write only the rows that
 * changed — inside the caller's transaction, so a SqlProjection's `apply` is one call:
 * `apply: (tx, events) => foldKeyedRows(tx, events, rows)`.
 */
import type { RecordedEvent } from '../../event-store/src/event-store.port.js';
import type { SqlQueryable } from '../../sql/src/sql-client.port.js';

export interface KeyedRows<R> {
  /** The key of the row `event` touches; undefined for an event the projection ignores. */
  readonly keyOf: (event: RecordedEvent) => string | undefined;
  readonly load: (tx: SqlQueryable, keys: readonly string[]) => Promise<ReadonlyMap<string, R>>;
  /** Pure: the row after `event` (null: no row, or none yet). Return the same object for "unchanged". */
  readonly evolve: (row: R | null, event: RecordedEvent) => R | null;
  readonly write: (tx: SqlQueryable, changed: readonly R[]) => Promise<void>;
}

export async function foldKeyedRows<R>(tx: SqlQueryable, events: readonly RecordedEvent[], rows: KeyedRows<R>): Promise<void> {
  const keys = [...new Set(events.map(rows.keyOf).filter((key): key is string => key !== undefined))];
  if (keys.length === 0) return;
  const before = await rows.load(tx, keys);
  const after = new Map(before);
  for (const event of events) {
    const key = rows.keyOf(event);
    if (key === undefined) continue;
    const next = rows.evolve(after.get(key) ?? null, event);
    if (next !== null) after.set(key, next);
  }
  const changed = [...after.entries()].filter(([key, row]) => row !== before.get(key)).map(([, row]) => row);
  if (changed.length > 0) await rows.write(tx, changed);
}
