import type { SqlClient, SqlQueryable } from '../../sql/src/sql-client.port.js';
import { comparePositions, type Position, type RecordedEvent, START } from '../../event-store/src/event-store.port.js';
import { foldChangedRows } from './fold-changed-rows.js';

/**
 * One named row of a `(name text PRIMARY KEY, position text)` checkpoint table. Writers lock it
 * (`FOR UPDATE`), so instances sharing the table serialise and skip what another already applied.
 */
export class Checkpoint {
  /** `table` is a constant of the calling store, never input. */
  constructor(
    private readonly table: string,
    readonly name: string,
  ) {}

  /** Runs the store's idempotent DDL under an advisory lock (processes starting together), then creates this row. */
  async ensureSchema(sql: SqlClient, lockKey: number, ddl: readonly string[]): Promise<void> {
    await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
      for (const statement of ddl) await tx.query(statement);
      await tx.query(`INSERT INTO ${this.table} (name, position) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [this.name, START]);
    });
  }

  async read(db: SqlQueryable): Promise<Position> {
    const { rows } = await db.query<{ position: string }>(`SELECT position FROM ${this.table} WHERE name = $1`, [this.name]);
    return rows[0]?.position ?? START;
  }

  async lock(tx: SqlQueryable): Promise<Position> {
    const { rows } = await tx.query<{ position: string }>(`SELECT position FROM ${this.table} WHERE name = $1 FOR UPDATE`, [this.name]);
    return rows[0]?.position ?? START;
  }

  async save(tx: SqlQueryable, position: Position): Promise<void> {
    await tx.query(`INSERT INTO ${this.table} (name, position) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position`, [this.name, position]);
  }
}

/** How a small keyed projection loads, folds and writes its rows. */
export interface KeyedRows<R> {
  readonly keyOf: (event: RecordedEvent) => string | undefined;
  readonly load: (tx: SqlQueryable, keys: readonly string[]) => Promise<ReadonlyMap<string, R>>;
  readonly evolve: (row: R | null, event: RecordedEvent) => R | null;
  readonly write: (tx: SqlQueryable, changed: readonly R[]) => Promise<void>;
}

/**
 * In one transaction: lock the checkpoint, fold the events after it into the rows they touch, write
 * the changed rows and move the checkpoint to the last event. A replay, or a second instance, is a no-op.
 */
export async function projectAfterCheckpoint<R>(sql: SqlClient, checkpoint: Checkpoint, events: readonly RecordedEvent[], rows: KeyedRows<R>): Promise<void> {
  if (events.length === 0) return;
  await sql.transaction(async (tx) => {
    const stored = await checkpoint.lock(tx);
    const fresh = events.filter((event) => comparePositions(event.position, stored) > 0);
    const last = fresh[fresh.length - 1];
    if (!last) return;
    const changed = await foldChangedRows(fresh, rows.keyOf, (keys) => rows.load(tx, keys), rows.evolve);
    if (changed.length > 0) await rows.write(tx, changed);
    await checkpoint.save(tx, last.position);
  });
}
