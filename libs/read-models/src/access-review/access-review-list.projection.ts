/**
 * The list of campaigns (`GET /v1/access-reviews`): one row per campaign with its progress and the
 * reviewers of its items, folded from `access-review-{id}` streams on the processor host.
 */
import { decodeAccessReviewEvent } from '../../../domain/src/codec/event-codec.js';
import type { AccessReviewEvent, AccessReviewOutcome } from '../../../domain/src/access-review/access-review.events.js';
import type { RecordedEvent } from '../../../event-store/src/event-store.port.js';
import type { SqlProjection } from '../../../processors/src/processor.js';
import { foldKeyedRows } from '../../../processors/src/keyed-rows.js';
import type { SqlQueryable } from '../../../sql/src/sql-client.port.js';

export interface AccessReviewProgress {
  readonly kept: number;
  readonly revoked: number;
  readonly defaulted: number;
  readonly undecided: number;
}

/** An item as the worklist needs it: whose it is and whether it is still open. */
export interface AccessReviewRowItem {
  readonly authorizationId: string;
  readonly employeeId: string;
  readonly reviewerId: string | null;
  readonly outcome: AccessReviewOutcome | null;
}

export interface AccessReviewRow {
  readonly id: string;
  readonly title: string;
  readonly team: string | null;
  readonly matters: readonly string[] | null;
  readonly dueAt: string;
  readonly defaultDecision: 'keep' | 'revoke';
  readonly startedBy: string;
  readonly startedAt: string;
  readonly status: 'open' | 'closed';
  readonly progress: AccessReviewProgress;
  /** Reviewers of its items; `anyManager` when some grantee had no superior. */
  readonly reviewerIds: readonly string[];
  readonly anyManager: boolean;
  readonly items: readonly AccessReviewRowItem[];
}

const bump = (progress: AccessReviewProgress, key: 'kept' | 'revoked' | 'defaulted'): AccessReviewProgress => ({ ...progress, [key]: progress[key] + 1, undecided: Math.max(0, progress.undecided - 1) });

/** Records an item's outcome once; a second one for the same item changes nothing. */
function decided(row: AccessReviewRow, authorizationId: string, outcome: AccessReviewOutcome, key: 'kept' | 'revoked' | 'defaulted'): AccessReviewRow {
  const item = row.items.find((i) => i.authorizationId === authorizationId);
  if (!item || item.outcome !== null) return row;
  return { ...row, progress: bump(row.progress, key), items: row.items.map((i) => (i === item ? { ...i, outcome } : i)) };
}

/** Pure: the row after one event (null before the campaign started). */
export function evolveAccessReviewRow(row: AccessReviewRow | null, event: AccessReviewEvent): AccessReviewRow | null {
  switch (event.type) {
    case 'AccessReviewStarted': {
      if (row !== null) return row;
      const { accessReviewId, items, ...data } = event.data;
      const reviewerIds = [...new Set(items.flatMap((item) => (item.reviewerId === null ? [] : [item.reviewerId])))];
      const progress = { kept: 0, revoked: 0, defaulted: 0, undecided: items.length };
      const rowItems = items.map(({ authorizationId, employeeId, reviewerId }) => ({ authorizationId, employeeId, reviewerId, outcome: null }));
      return { id: accessReviewId, ...data, status: 'open', progress, reviewerIds, anyManager: items.some((item) => item.reviewerId === null), items: rowItems };
    }
    case 'AccessReviewItemDecided':
      if (row === null) return null;
      return event.data.decision === 'keep' ? decided(row, event.data.authorizationId, 'kept', 'kept') : decided(row, event.data.authorizationId, 'revoked', 'revoked');
    case 'AccessReviewItemDefaulted':
      if (row === null) return null;
      return decided(row, event.data.authorizationId, event.data.decision === 'keep' ? 'unreviewed' : 'revoked-by-default', 'defaulted');
    case 'AccessReviewClosed':
      return row === null ? null : { ...row, status: 'closed' };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

const DDL = [
  `CREATE TABLE IF NOT EXISTS rm_access_reviews (
     id text PRIMARY KEY,
     started_at timestamptz NOT NULL,
     status text NOT NULL,
     reviewer_ids text[] NOT NULL,
     any_manager boolean NOT NULL,
     doc jsonb NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS rm_access_reviews_order ON rm_access_reviews (started_at DESC, id DESC)`,
];

async function load(tx: SqlQueryable, ids: readonly string[]): Promise<ReadonlyMap<string, AccessReviewRow>> {
  const { rows } = await tx.query<{ doc: AccessReviewRow }>('SELECT doc FROM rm_access_reviews WHERE id = ANY($1::text[])', [ids]);
  return new Map(rows.map(({ doc }) => [doc.id, doc]));
}

async function write(tx: SqlQueryable, changed: readonly AccessReviewRow[]): Promise<void> {
  for (const row of changed) {
    await tx.query(
      `INSERT INTO rm_access_reviews (id, started_at, status, reviewer_ids, any_manager, doc) VALUES ($1, $2, $3, $4::text[], $5, $6::jsonb)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, doc = EXCLUDED.doc`,
      [row.id, row.startedAt, row.status, row.reviewerIds, row.anyManager, JSON.stringify(row)],
    );
  }
}

export const ACCESS_REVIEW_LIST_PROCESSOR_NAME = 'access-review-list';

export const accessReviewListProjection = (): SqlProjection => ({
  kind: 'projection',
  name: ACCESS_REVIEW_LIST_PROCESSOR_NAME,
  schema: DDL,
  accepts: (event) => event.streamId.startsWith('access-review-'),
  apply: (tx, events) =>
    foldKeyedRows(tx, events, {
      keyOf: (event: RecordedEvent) => decodeAccessReviewEvent(event)?.data.accessReviewId,
      load,
      evolve: (row, event) => {
        const decoded = decodeAccessReviewEvent(event);
        return decoded === null ? row : evolveAccessReviewRow(row, decoded);
      },
      write,
    }),
});

/** Before the host first runs the projection (a fresh store) there is no table yet: nothing to list. */
const tableExists = async (sql: SqlQueryable): Promise<boolean> =>
  (await sql.query<{ found: string | null }>(`SELECT to_regclass('rm_access_reviews')::text AS found`)).rows[0]?.found != null;

/** Open campaigns with an item the caller may review: theirs, or (a manager) those of grantees without a superior. */
export async function openAccessReviewsFor(sql: SqlQueryable, caller: { readonly id: string; readonly role: string }): Promise<AccessReviewRow[]> {
  if (!(await tableExists(sql))) return [];
  const { rows } = await sql.query<{ doc: AccessReviewRow }>(
    `SELECT doc FROM rm_access_reviews WHERE status = 'open' AND ($1 = ANY(reviewer_ids) OR ($2 = 'manager' AND any_manager)) ORDER BY started_at, id`,
    [caller.id, caller.role],
  );
  return rows.map(({ doc }) => doc);
}

/** Newest first; `reader` null lists every campaign, else those with an item the reader reviews. */
export async function listAccessReviews(
  sql: SqlQueryable,
  filter: { readonly reviewer: string | null; readonly managerReviewer: boolean; readonly status?: 'open' | 'closed'; readonly after?: readonly [string, string]; readonly limit: number },
): Promise<AccessReviewRow[]> {
  if (!(await tableExists(sql))) return [];
  const { rows } = await sql.query<{ doc: AccessReviewRow }>(
    `SELECT doc FROM rm_access_reviews
     WHERE ($1::text IS NULL OR $1 = ANY(reviewer_ids) OR ($2 AND any_manager))
       AND ($3::text IS NULL OR status = $3)
       AND ($4::timestamptz IS NULL OR (started_at, id) < ($4::timestamptz, $5::text))
     ORDER BY started_at DESC, id DESC LIMIT $6`,
    [filter.reviewer, filter.managerReviewer, filter.status ?? null, filter.after?.[0] ?? null, filter.after?.[1] ?? '', filter.limit],
  );
  return rows.map(({ doc }) => doc);
}
