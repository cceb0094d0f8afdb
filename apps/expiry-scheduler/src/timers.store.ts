import { foldKeyedRows, type KeyedRows } from '../../../libs/processors/src/keyed-rows.js';
import type { SqlClient, SqlQueryable } from '../../../libs/sql/src/sql-client.port.js';
import type { RecordedEvent } from '../../../libs/event-store/src/event-store.port.js';
import { decodeEvent } from '../../../libs/domain/src/index.js';
import { type DueHours, type TimerRow, evolveTimer, timerKeyOf } from './timers.projection.js';

export const TIMERS_DDL = [
  `CREATE TABLE IF NOT EXISTS scheduler_timers (
     key text PRIMARY KEY,
     due_at timestamptz,
     row jsonb NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS scheduler_timers_due ON scheduler_timers (due_at, key) WHERE due_at IS NOT NULL`,
];

/**
 * SQL side of the timers. Like the due-date table, shared by every instance and folded by the
 * scheduler's SqlProjection in the host's transaction (rows and checkpoint together).
 */
export class TimersStore {
  constructor(
    private readonly sql: SqlClient,
    private readonly hours: DueHours,
  ) {}

  /** Folds `events` into the rows inside `tx` (the host's projection transaction, which moves its checkpoint). */
  applyIn(tx: SqlQueryable, events: readonly RecordedEvent[]): Promise<void> {
    return foldKeyedRows(tx, events, this.rows());
  }

  private rows(): KeyedRows<TimerRow> {
    return {
      keyOf: (event) => {
        const decoded = decodeEvent(event);
        return decoded === null ? undefined : timerKeyOf(decoded);
      },
      load: async (tx, keys) => {
        const { rows } = await tx.query<{ row: TimerRow }>('SELECT row FROM scheduler_timers WHERE key = ANY($1::text[])', [keys]);
        return new Map(rows.map(({ row }) => [row.key, row]));
      },
      evolve: (row, event) => evolveTimer(row, event, this.hours),
      write: async (tx, changed) => {
        await tx.query(
          `INSERT INTO scheduler_timers (key, due_at, row)
           SELECT r.key, (r.row->>'dueAt')::timestamptz, r.row FROM jsonb_to_recordset($1::jsonb) AS r(key text, row jsonb)
           ON CONFLICT (key) DO UPDATE SET due_at = EXCLUDED.due_at, row = EXCLUDED.row`,
          [JSON.stringify(changed.map((row) => ({ key: row.key, row })))],
        );
      },
    };
  }

  /** Timers due at `now`, earliest first, after the keyset `after`. */
  async due(now: Date, limit: number, after?: TimerRow): Promise<TimerRow[]> {
    const { rows } = await this.sql.query<{ row: TimerRow }>(
      `SELECT row FROM scheduler_timers
       WHERE due_at IS NOT NULL AND due_at <= $1::timestamptz
         AND ($2::timestamptz IS NULL OR (due_at, key) > ($2::timestamptz, $3::text))
       ORDER BY due_at, key LIMIT $4`,
      [now.toISOString(), after?.dueAt ?? null, after?.key ?? '', limit],
    );
    return rows.map(({ row }) => row);
  }

  /**
   * A command that found nothing to do (the stage moved on, the campaign closed): the timer is
   * cleared ahead of the projection, guarded by its due time so a newer timer is never lost.
   */
  async clear(row: TimerRow): Promise<void> {
    await this.sql.query(
      `UPDATE scheduler_timers SET due_at = NULL, row = jsonb_set(row, '{dueAt}', 'null'::jsonb)
       WHERE key = $1 AND due_at = $2::timestamptz`,
      [row.key, row.dueAt],
    );
  }
}
