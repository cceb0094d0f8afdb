/**
 * Who stands in (代理人) for whom, and when (SPEC §11): one row per named period, folded from
 * `StandInAppointed`/`StandInEnded` on the processor host. The workflow asks it whom an actor may
 * be standing in for, and the worklist whose tasks are also the caller's; both then read the
 * absent person's own stream or entry for the truth.
 */
import { decodeEvent } from '../../../domain/src/codec/event-codec.js';
import type { RecordedEvent } from '../../../event-store/src/event-store.port.js';
import type { SqlProjection } from '../../../processors/src/processor.js';
import type { SqlQueryable } from '../../../sql/src/sql-client.port.js';

const DDL = [
  `CREATE TABLE IF NOT EXISTS rm_stand_ins (
     employee_id text NOT NULL,
     stand_in_id text NOT NULL,
     from_at timestamptz NOT NULL,
     until_at timestamptz NOT NULL,
     PRIMARY KEY (employee_id, stand_in_id, from_at)
   )`,
  `CREATE INDEX IF NOT EXISTS rm_stand_ins_by_stand_in ON rm_stand_ins (stand_in_id, until_at)`,
];

export const STAND_INS_PROCESSOR_NAME = 'stand-ins';

async function applyEvent(tx: SqlQueryable, stored: RecordedEvent): Promise<void> {
  const event = decodeEvent(stored);
  if (event === null) return;
  if (event.type === 'StandInAppointed') {
    const { employeeId, standInId, from, until } = event.data;
    await tx.query(
      `INSERT INTO rm_stand_ins (employee_id, stand_in_id, from_at, until_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [employeeId, standInId, from, until],
    );
  } else if (event.type === 'StandInEnded') {
    const { employeeId, standInId, endedAt, cause } = event.data;
    await tx.query(
      `DELETE FROM rm_stand_ins WHERE employee_id = $1 AND stand_in_id = $2 AND ($3 = 'withdrawn' OR until_at <= $4::timestamptz)`,
      [employeeId, standInId, cause, endedAt],
    );
  }
}

export const standInsProjection = (): SqlProjection => ({
  kind: 'projection',
  name: STAND_INS_PROCESSOR_NAME,
  schema: DDL,
  accepts: (event) => event.type === 'StandInAppointed' || event.type === 'StandInEnded',
  apply: async (tx, events) => {
    for (const event of events) await applyEvent(tx, event);
  },
});

export interface StandingInFor {
  readonly employeeId: string;
  readonly from: string;
  readonly until: string;
}

/** The people who named `standInId` for a period running at `at` (none before the table exists). */
export async function standingInFor(sql: SqlQueryable, standInId: string, at: string): Promise<StandingInFor[]> {
  const exists = (await sql.query<{ found: string | null }>(`SELECT to_regclass('rm_stand_ins')::text AS found`)).rows[0]?.found != null;
  if (!exists) return [];
  const { rows } = await sql.query<{ employee_id: string; from_at: Date | string; until_at: Date | string }>(
    `SELECT employee_id, from_at, until_at FROM rm_stand_ins WHERE stand_in_id = $1 AND from_at <= $2::timestamptz AND until_at > $2::timestamptz ORDER BY employee_id`,
    [standInId, at],
  );
  const iso = (value: Date | string): string => new Date(value).toISOString();
  return rows.map((row) => ({ employeeId: row.employee_id, from: iso(row.from_at), until: iso(row.until_at) }));
}
