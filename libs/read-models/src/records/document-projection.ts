/**
 * A read model of one record kind (SPEC §11 read-backs and worklist): one table of JSON documents
 * keyed by the record's id, folded by a pure `evolve`. It is a `SqlProjection` of the processor
 * contract (libs/processors), so the processor host runs it like any other; `catchUpRecords` below
 * lets a reader bring them up to date itself until every process hosts them.
 */
import { comparePositions, START, type EventStore, type Position, type RecordedEvent } from '../../../event-store/src/event-store.port.js';
import type { SqlProjection } from '../../../processors/src/processor.js';
import type { SqlClient, SqlQueryable } from '../../../sql/src/sql-client.port.js';
import { foldChangedRows } from '../fold-changed-rows.js';

export interface RecordDocument {
  readonly id: string;
}

export interface RecordKind<D extends RecordDocument> {
  /** Processor name (the checkpoint's key) and, with `rm_record_`, the table's name: lower-case and underscores. */
  readonly kind: string;
  /** The document an event touches, if any. */
  readonly keyOf: (event: RecordedEvent) => string | undefined;
  readonly evolve: (doc: D | null, event: RecordedEvent) => D | null;
}

export const recordTable = (kind: string): string => `rm_record_${kind}`;
const json = (value: unknown): string => JSON.stringify(value);

async function load<D>(tx: SqlQueryable, table: string, keys: readonly string[]): Promise<Map<string, D>> {
  const { rows } = await tx.query<{ id: string; doc: D }>(`SELECT id, doc FROM ${table} WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`, [json(keys)]);
  return new Map(rows.map((row) => [row.id, row.doc]));
}

async function write<D extends RecordDocument>(tx: SqlQueryable, table: string, docs: readonly D[]): Promise<void> {
  if (docs.length === 0) return;
  await tx.query(
    `INSERT INTO ${table} (id, doc) SELECT d.id, d.doc FROM jsonb_to_recordset($1::jsonb) AS d(id text, doc jsonb)
     ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc`,
    [json(docs.map((doc) => ({ id: doc.id, doc })))],
  );
}

/** The record kind as a projection of the processor contract. */
export function recordProjection<D extends RecordDocument>(record: RecordKind<D>): SqlProjection {
  const table = recordTable(record.kind);
  return {
    kind: 'projection',
    name: `records.${record.kind}`,
    accepts: (event) => record.keyOf(event) !== undefined,
    schema: [`CREATE TABLE IF NOT EXISTS ${table} (id text PRIMARY KEY, doc jsonb NOT NULL)`],
    apply: async (tx, events) => {
      const changed = await foldChangedRows(events, record.keyOf, (keys) => load<D>(tx, table, keys), record.evolve);
      await write(tx, table, changed);
    },
  };
}

const CHECKPOINTS = 'rm_record_checkpoints';
const SCHEMA_LOCK = 7_310_245_113;

/**
 * Brings every projection up to the head of the log: the log is read once from the oldest checkpoint,
 * and each projection applies what is after its own checkpoint in a transaction that moves it.
 * Readers call it before answering (as the KPIs do); concurrent callers serialise on the checkpoint rows.
 */
export class RecordsCatchUp {
  private ready: Promise<void> | null = null;

  constructor(
    private readonly sql: SqlClient,
    private readonly projections: readonly SqlProjection[],
  ) {}

  private ensureSchema(): Promise<void> {
    this.ready ??= this.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await tx.query(`CREATE TABLE IF NOT EXISTS ${CHECKPOINTS} (name text PRIMARY KEY, position text COLLATE "C" NOT NULL)`);
      for (const projection of this.projections) {
        for (const statement of projection.schema ?? []) await tx.query(statement);
        await tx.query(`INSERT INTO ${CHECKPOINTS} (name, position) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [projection.name, START]);
      }
    });
    return this.ready.catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
  }

  async catchUp(store: Pick<EventStore, 'readAll'>, batchSize = 1000): Promise<void> {
    await this.ensureSchema();
    const { rows } = await this.sql.query<{ position: string }>(`SELECT min(position) AS position FROM ${CHECKPOINTS} WHERE name = ANY($1)`, [this.projections.map((p) => p.name)]);
    let after: Position = rows[0]?.position ?? START;
    for (;;) {
      const batch = await store.readAll({ after, limit: batchSize });
      const last = batch[batch.length - 1];
      if (last === undefined) return;
      for (const projection of this.projections) await this.applyTo(projection, batch);
      after = last.position;
      if (batch.length < batchSize) return;
    }
  }

  private async applyTo(projection: SqlProjection, batch: readonly RecordedEvent[]): Promise<void> {
    await this.sql.transaction(async (tx) => {
      const { rows } = await tx.query<{ position: string }>(`SELECT position FROM ${CHECKPOINTS} WHERE name = $1 FOR UPDATE`, [projection.name]);
      const stored = rows[0]?.position ?? START;
      const fresh = batch.filter((event) => comparePositions(event.position, stored) > 0);
      const last = fresh[fresh.length - 1];
      if (last === undefined) return;
      const accepted = projection.accepts === undefined ? fresh : fresh.filter(projection.accepts);
      if (accepted.length > 0) await projection.apply(tx, accepted);
      await tx.query(`UPDATE ${CHECKPOINTS} SET position = $2 WHERE name = $1`, [projection.name, last.position]);
    });
  }
}
