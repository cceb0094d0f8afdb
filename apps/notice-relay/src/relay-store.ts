/**
 * The relay's own two rows: its checkpoint (position in the global log, per topic) and its lease
 * (one active relay per topic across processes). Plain SQL that PostgreSQL and PGlite both run.
 * Times come from the database clock so that processes with skewed clocks agree on expiry.
 */
import type { SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { START, type Position } from '../../../libs/event-store/src/event-store.port.js';

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS notice_relay_checkpoint (
     name text PRIMARY KEY, position text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE IF NOT EXISTS notice_relay_lease (
     name text PRIMARY KEY, owner text NOT NULL, expires_at timestamptz NOT NULL)`,
];

export class RelayStore {
  constructor(
    private readonly sql: SqlClient,
    private readonly name: string,
  ) {}

  async migrate(): Promise<void> {
    for (const statement of SCHEMA) {
      try {
        await this.sql.query(statement);
      } catch (error: unknown) {
        // Two processes creating the same table at once: PostgreSQL reports a duplicate type.
        if (!/already exists|duplicate key/i.test(String(error))) throw error;
      }
    }
  }

  async position(): Promise<Position> {
    const { rows } = await this.sql.query<{ position: string }>('SELECT position FROM notice_relay_checkpoint WHERE name = $1', [this.name]);
    return rows[0]?.position ?? START;
  }

  /** Takes or renews the lease; false when another owner holds an unexpired one. */
  async acquire(owner: string, ttlMs: number): Promise<boolean> {
    const { rows } = await this.sql.query(
      `INSERT INTO notice_relay_lease (name, owner, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
       WHERE notice_relay_lease.owner = EXCLUDED.owner OR notice_relay_lease.expires_at < now()
       RETURNING owner`,
      [this.name, owner, ttlMs],
    );
    return rows.length === 1;
  }

  async release(owner: string): Promise<void> {
    await this.sql.query('DELETE FROM notice_relay_lease WHERE name = $1 AND owner = $2', [this.name, owner]);
  }

  /** Stores the position only while `owner` holds the lease (a fenced write); false when it does not. */
  async savePosition(owner: string, position: Position): Promise<boolean> {
    const { rows } = await this.sql.query(
      `INSERT INTO notice_relay_checkpoint (name, position)
       SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM notice_relay_lease WHERE name = $1 AND owner = $3 AND expires_at > now())
       ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()
       RETURNING position`,
      [this.name, position, owner],
    );
    return rows.length === 1;
  }
}
