import { comparePositions, type Position, type RecordedEvent } from '../../../libs/event-store/src/event-store.port.js';
import { advanceCheckpoint, ensureCheckpoints, lockCheckpoint, readCheckpoint } from '../../../libs/processors/src/checkpoints.js';
import { foldKeyedRows } from '../../../libs/processors/src/keyed-rows.js';
import type { SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { type CascadeRow, type CascadeStatus, cascadeAuthorizationId, ENDED_STATUSES, evolveCascadeRow } from './cascade-authorizations.projection.js';

const DDL = [
  `CREATE TABLE IF NOT EXISTS cascade_authorizations (
     authorization_id text PRIMARY KEY,
     applicant_id text NOT NULL,
     matter text NOT NULL,
     status text NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS cascade_authorizations_applicant ON cascade_authorizations (applicant_id)`,
];

interface SqlRow {
  authorization_id: string;
  applicant_id: string;
  matter: string;
  status: CascadeStatus;
}

const fromSql = (row: SqlRow): CascadeRow => ({ authorizationId: row.authorization_id, applicantId: row.applicant_id, matter: row.matter, status: row.status });

/**
 * SQL side of the cascade's model. Its checkpoint is the cascade reactor's row in
 * `processor_checkpoints`: every write of rows locks it and skips events at or before it, so
 * instances sharing the table never apply an event twice.
 */
export class CascadeAuthorizationsStore {
  constructor(
    private readonly sql: SqlClient,
    private readonly name: string,
  ) {}

  ensureSchema(): Promise<void> {
    return ensureCheckpoints(this.sql, [this.name], DDL);
  }

  checkpoint(): Promise<Position> {
    return readCheckpoint(this.sql, this.name);
  }

  /** Folds authorization events (in global order) into the rows and moves the checkpoint past all of `events`, atomically. */
  async project(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.sql.transaction(async (tx) => {
      const stored = await lockCheckpoint(tx, this.name);
      const fresh = events.filter((event) => comparePositions(event.position, stored) > 0);
      const last = fresh[fresh.length - 1];
      if (last === undefined) return;
      await foldKeyedRows(tx, fresh, {
        keyOf: cascadeAuthorizationId,
        load: async (db, ids) => {
          const { rows } = await db.query<SqlRow>('SELECT * FROM cascade_authorizations WHERE authorization_id = ANY($1::text[])', [ids]);
          return new Map(rows.map((row) => [row.authorization_id, fromSql(row)]));
        },
        evolve: evolveCascadeRow,
        write: async (db, changed) => {
          const json = changed.map((r) => ({ authorization_id: r.authorizationId, applicant_id: r.applicantId, matter: r.matter, status: r.status }));
          await db.query(
            `INSERT INTO cascade_authorizations (authorization_id, applicant_id, matter, status)
             SELECT r.authorization_id, r.applicant_id, r.matter, r.status
             FROM jsonb_to_recordset($1::jsonb) AS r(authorization_id text, applicant_id text, matter text, status text)
             ON CONFLICT (authorization_id) DO UPDATE SET status = EXCLUDED.status`,
            [JSON.stringify(json)],
          );
        },
      });
      await advanceCheckpoint(tx, this.name, last.position);
    });
  }

  /** Whether the checkpoint is already at or past `position` (another instance, or before a restart, finished it). */
  async isDone(position: Position): Promise<boolean> {
    return comparePositions(await this.checkpoint(), position) >= 0;
  }

  /** Moves the checkpoint to `position` unless it is already further. */
  async advanceTo(position: Position): Promise<void> {
    await advanceCheckpoint(this.sql, this.name, position);
  }

  /** The employee's authorizations that have not ended. */
  async openOf(employeeId: string): Promise<CascadeRow[]> {
    const { rows } = await this.sql.query<SqlRow>(
      'SELECT * FROM cascade_authorizations WHERE applicant_id = $1 AND NOT (status = ANY($2::text[])) ORDER BY authorization_id',
      [employeeId, ENDED_STATUSES],
    );
    return rows.map(fromSql);
  }

}
