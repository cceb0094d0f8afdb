import { foldKeyedRows, type KeyedRows } from '../../../libs/processors/src/keyed-rows.js';
import type { RecordedEvent } from '../../../libs/event-store/src/event-store.port.js';
import type { SqlClient, SqlQueryable } from '../../../libs/sql/src/sql-client.port.js';
import { type DueRow, type DueStatus, dueAuthorizationId, evolveDue } from './due-dates.projection.js';

export const DUE_DATES_DDL = [
  `CREATE TABLE IF NOT EXISTS scheduler_due (
     authorization_id text PRIMARY KEY,
     valid_until timestamptz NOT NULL,
     status text NOT NULL,
     reminders_done int[] NOT NULL DEFAULT '{}'
   )`,
  `CREATE INDEX IF NOT EXISTS scheduler_due_pending ON scheduler_due (valid_until, authorization_id) WHERE status <> 'ended'`,
];

interface SqlDueRow {
  authorization_id: string;
  valid_until: Date | string;
  status: DueStatus;
  reminders_done: number[] | null;
}

const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

const fromSql = (row: SqlDueRow): DueRow => ({
  authorizationId: row.authorization_id,
  validUntil: iso(row.valid_until),
  status: row.status,
  remindersDone: (row.reminders_done ?? []).map(Number),
});

/**
 * SQL side of the due-date model. Every instance of the scheduler shares the table; the processor
 * host folds events into it (the scheduler's SqlProjection, with its checkpoint in the same
 * transaction, so two instances projecting the same events write them once).
 */
export class DueDatesStore {
  constructor(private readonly sql: SqlClient) {}

  /** Folds `events` into the rows inside `tx` (the host's projection transaction, which moves its checkpoint). */
  applyIn(tx: SqlQueryable, events: readonly RecordedEvent[]): Promise<void> {
    return foldKeyedRows(tx, events, this.rows());
  }

  private rows(): KeyedRows<DueRow> {
    return {
      keyOf: dueAuthorizationId,
      load: async (tx, ids) => {
        const { rows } = await tx.query<SqlDueRow>('SELECT * FROM scheduler_due WHERE authorization_id = ANY($1::text[])', [ids]);
        return new Map(rows.map((row) => [row.authorization_id, fromSql(row)]));
      },
      evolve: evolveDue,
      write: async (tx, changed) => {
        const json = changed.map((r) => ({ authorization_id: r.authorizationId, valid_until: r.validUntil, status: r.status, reminders_done: r.remindersDone }));
        await tx.query(
          `INSERT INTO scheduler_due (authorization_id, valid_until, status, reminders_done)
           SELECT r.authorization_id, r.valid_until, r.status, r.reminders_done
           FROM jsonb_to_recordset($1::jsonb) AS r(authorization_id text, valid_until timestamptz, status text, reminders_done int[])
           ON CONFLICT (authorization_id) DO UPDATE
           SET valid_until = EXCLUDED.valid_until, status = EXCLUDED.status, reminders_done = EXCLUDED.reminders_done`,
          [JSON.stringify(json)],
        );
      },
    };
  }

  /** Not ended and `validUntil <= now`, in validUntil order, after the keyset `after`. */
  async dueForExpiry(now: Date, limit: number, after?: DueRow): Promise<DueRow[]> {
    const { rows } = await this.sql.query<SqlDueRow>(
      `SELECT * FROM scheduler_due
       WHERE status <> 'ended' AND valid_until <= $1::timestamptz
         AND ($2::timestamptz IS NULL OR (valid_until, authorization_id) > ($2::timestamptz, $3::text))
       ORDER BY valid_until, authorization_id LIMIT $4`,
      [now.toISOString(), after?.validUntil ?? null, after?.authorizationId ?? '', limit],
    );
    return rows.map(fromSql);
  }

  /**
   * Active grants still in force whose 1-day window, or 7-day window (before the 1-day one
   * opens), has begun and whose reminder for the current validUntil is not recorded. Exact hours,
   * not calendar days: a day is 24 h whatever the session time zone, as in the domain.
   */
  async dueForReminder(now: Date, limit: number, after?: DueRow): Promise<DueRow[]> {
    const { rows } = await this.sql.query<SqlDueRow>(
      `SELECT * FROM scheduler_due
       WHERE status = 'active' AND valid_until > $1::timestamptz
         AND ((valid_until - interval '24 hours' <= $1::timestamptz AND NOT (1 = ANY(reminders_done)))
           OR (valid_until - interval '168 hours' <= $1::timestamptz AND valid_until - interval '24 hours' > $1::timestamptz
               AND NOT (7 = ANY(reminders_done))))
         AND ($2::timestamptz IS NULL OR (valid_until, authorization_id) > ($2::timestamptz, $3::text))
       ORDER BY valid_until, authorization_id LIMIT $4`,
      [now.toISOString(), after?.validUntil ?? null, after?.authorizationId ?? '', limit],
    );
    return rows.map(fromSql);
  }

  /**
   * Records what a command found, ahead of the projection, so the next tick does not resend it.
   * Both writes are monotonic and guarded by validUntil, so the projection catching up later agrees.
   */
  async markEnded(authorizationId: string): Promise<void> {
    await this.sql.query(`UPDATE scheduler_due SET status = 'ended' WHERE authorization_id = $1`, [authorizationId]);
  }

  async markReminded(authorizationId: string, validUntil: string, daysAhead: number): Promise<void> {
    await this.sql.query(
      `UPDATE scheduler_due SET reminders_done = array_append(reminders_done, $3::int)
       WHERE authorization_id = $1 AND valid_until = $2::timestamptz AND NOT ($3::int = ANY(reminders_done))`,
      [authorizationId, validUntil, daysAhead],
    );
  }
}
