/**
 * A read model of one record kind (SPEC §11 read-backs and worklist): one table of JSON documents
 * keyed by the record's id, folded by a pure `evolve`. It is a `SqlProjection` of the processor
 * contract (libs/processors): the processor host runs it like any other (`records.module.ts`).
 */
import type { RecordedEvent } from '../../../event-store/src/event-store.port.js';
import type { SqlProjection } from '../../../processors/src/processor.js';
import type { SqlQueryable } from '../../../sql/src/sql-client.port.js';
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
  /**
   * Raised when the document's shape changes: the projection then runs under a new processor name
   * (`records.<kind>.v<revision>`), so it replays the whole log over the table, and `evolve` must
   * rebuild a document from its first event.
   */
  readonly revision?: number;
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
    name: record.revision === undefined ? `records.${record.kind}` : `records.${record.kind}.v${record.revision}`,
    accepts: (event) => record.keyOf(event) !== undefined,
    schema: [`CREATE TABLE IF NOT EXISTS ${table} (id text PRIMARY KEY, doc jsonb NOT NULL)`],
    apply: async (tx, events) => {
      const changed = await foldChangedRows(events, record.keyOf, (keys) => load<D>(tx, table, keys), record.evolve);
      await write(tx, table, changed);
    },
  };
}
