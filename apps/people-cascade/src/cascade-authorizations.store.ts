import { Checkpoint, projectAfterCheckpoint } from '../../../libs/read-models/src/checkpointed-rows.js';
import { comparePositions, type Position, type RecordedEvent } from '../../../libs/event-store/src/event-store.port.js';
import type { SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { type CascadeRow, type CascadeStatus, cascadeAuthorizationId, ENDED_STATUSES, evolveCascadeRow } from './cascade-authorizations.projection.js';

/** Serialises concurrent schema creation across processes. */
const SCHEMA_LOCK_KEY = 727_100_301;

const DDL = [
  `CREATE TABLE IF NOT EXISTS cascade_authorizations (
     authorization_id text PRIMARY KEY,
     applicant_id text NOT NULL,
     matter text NOT NULL,
     status text NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS cascade_authorizations_applicant ON cascade_authorizations (applicant_id)`,
  `CREATE TABLE IF NOT EXISTS cascade_checkpoint (name text PRIMARY KEY, position text NOT NULL)`,
];

interface SqlRow {
  authorization_id: string;
  applicant_id: string;
  matter: string;
  status: CascadeStatus;
}

const fromSql = (row: SqlRow): CascadeRow => ({ authorizationId: row.authorization_id, applicantId: row.applicant_id, matter: row.matter, status: row.status });

/**
 * SQL side of the cascade's model. The checkpoint row is locked by every write, and events at or
 * before it are skipped, so instances sharing the table never apply an event twice.
 */
export class CascadeAuthorizationsStore {
  constructor(
    private readonly sql: SqlClient,
    name: string,
  ) {
    this.checkpointRow = new Checkpoint('cascade_checkpoint', name);
  }

  private readonly checkpointRow: Checkpoint;

  ensureSchema(): Promise<void> {
    return this.checkpointRow.ensureSchema(this.sql, SCHEMA_LOCK_KEY, DDL);
  }

  checkpoint(): Promise<Position> {
    return this.checkpointRow.read(this.sql);
  }

  /** Folds authorization events (in global order) into the rows and moves the checkpoint past all of `events`, atomically. */
  project(events: readonly RecordedEvent[]): Promise<void> {
    return projectAfterCheckpoint(this.sql, this.checkpointRow, events, {
      keyOf: cascadeAuthorizationId,
      load: async (tx, ids) => {
        const { rows } = await tx.query<SqlRow>('SELECT * FROM cascade_authorizations WHERE authorization_id = ANY($1::text[])', [ids]);
        return new Map(rows.map((row) => [row.authorization_id, fromSql(row)]));
      },
      evolve: evolveCascadeRow,
      write: async (tx, changed) => {
        const json = changed.map((r) => ({ authorization_id: r.authorizationId, applicant_id: r.applicantId, matter: r.matter, status: r.status }));
        await tx.query(
          `INSERT INTO cascade_authorizations (authorization_id, applicant_id, matter, status)
           SELECT r.authorization_id, r.applicant_id, r.matter, r.status
           FROM jsonb_to_recordset($1::jsonb) AS r(authorization_id text, applicant_id text, matter text, status text)
           ON CONFLICT (authorization_id) DO UPDATE SET status = EXCLUDED.status`,
          [JSON.stringify(json)],
        );
      },
    });
  }


  /** Whether the checkpoint is already at or past `position` (another instance, or before a restart, finished it). */
  async isDone(position: Position): Promise<boolean> {
    return comparePositions(await this.checkpoint(), position) >= 0;
  }

  /** Moves the checkpoint to `position` unless it is already further. */
  async advanceTo(position: Position): Promise<void> {
    await this.sql.transaction(async (tx) => {
      const stored = await this.checkpointRow.lock(tx);
      if (comparePositions(position, stored) > 0) await this.checkpointRow.save(tx, position);
    });
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
