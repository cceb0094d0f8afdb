/**
 * The anchors as the API lists them: `audit_anchors`, a projection of stream `audit-anchors` (decoded
 * by the one codec), so the list is what the log holds and can be rebuilt from it.
 */
import { auditAnchorEvents } from '../../../../domain/src/codec/event-codec.js';
import { SCHEMA_LOCK_KEY } from '../../../../processors/src/checkpoints.js';
import type { SqlProjection } from '../../../../processors/src/processor.js';
import { ensureSchema } from '../../../../sql/src/ensure-schema.js';
import type { SqlClient, SqlQueryable } from '../../../../sql/src/sql-client.port.js';
import { checkLimit, decodeCursor, encodeCursor, type Page } from '../../postgres/cursor.js';
import { ANCHOR_STREAM, type AuditAnchor } from '../proof/audit-anchor.js';

export const AUDIT_ANCHORS_PROJECTION = 'audit-anchors';

export const ANCHOR_TABLE_SCHEMA: readonly string[] = [`CREATE TABLE IF NOT EXISTS audit_anchors (position text COLLATE "C" PRIMARY KEY, doc json NOT NULL)`];

const saveAnchor = async (sql: SqlQueryable, anchor: AuditAnchor): Promise<void> => {
  await sql.query('INSERT INTO audit_anchors (position, doc) VALUES ($1, $2) ON CONFLICT (position) DO NOTHING', [anchor.position, JSON.stringify(anchor)]);
};

/** The list as a projection of the processor host: rows and checkpoint in one transaction. */
export const auditAnchorsProjection = (): SqlProjection => ({
  kind: 'projection',
  name: AUDIT_ANCHORS_PROJECTION,
  schema: ANCHOR_TABLE_SCHEMA,
  accepts: (event) => event.streamId === ANCHOR_STREAM,
  apply: async (tx, events) => {
    for (const event of events) {
      const anchor = event.streamId === ANCHOR_STREAM ? auditAnchorEvents.decode(event) : null;
      if (anchor !== null) await saveAnchor(tx, anchor.data);
    }
  },
});

export class AnchorQueries {
  private ready: Promise<void> | null = null;

  constructor(private readonly sql: SqlClient) {}

  private ensure(): Promise<void> {
    this.ready ??= ensureSchema(this.sql, SCHEMA_LOCK_KEY, ANCHOR_TABLE_SCHEMA).catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  /** Oldest first; the cursor is the last item's position. */
  async list(filter: { readonly cursor?: string; readonly limit?: number }): Promise<Page<AuditAnchor>> {
    const limit = checkLimit(filter.limit);
    const after = filter.cursor === undefined ? null : (decodeCursor(filter.cursor, 1)[0] ?? null);
    await this.ensure();
    const { rows } = await this.sql.query<{ doc: AuditAnchor }>(
      `SELECT doc FROM audit_anchors WHERE ($1::text IS NULL OR position > $1::text COLLATE "C") ORDER BY position LIMIT $2`,
      [after, limit + 1],
    );
    const items = rows.slice(0, limit).map(({ doc }) => doc);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.position]) : null };
  }

  /** Every anchor, oldest first (the CLI's export of them). */
  async all(): Promise<AuditAnchor[]> {
    await this.ensure();
    const { rows } = await this.sql.query<{ doc: AuditAnchor }>('SELECT doc FROM audit_anchors ORDER BY position');
    return rows.map(({ doc }) => doc);
  }
}
