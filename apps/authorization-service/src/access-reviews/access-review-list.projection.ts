/**
 * The list of campaigns (`GET /v1/access-reviews`): one row per campaign with its progress and the
 * reviewers of its items, folded from `access-review-{id}` streams on the processor host.
 */
import { decodeAccessReviewEvent, type AccessReviewEvent } from '../../../../libs/domain/src/index.js';
import type { RecordedEvent } from '../../../../libs/event-store/src/index.js';
import type { SqlProjection } from '../../../../libs/processors/src/processor.js';
import { foldKeyedRows } from '../../../../libs/processors/src/keyed-rows.js';
import type { SqlQueryable } from '../../../../libs/sql/src/sql-client.port.js';
import type { AccessReviewProgress } from './access-review-view.js';

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
}

const bump = (progress: AccessReviewProgress, key: 'kept' | 'revoked' | 'defaulted'): AccessReviewProgress => ({ ...progress, [key]: progress[key] + 1, undecided: Math.max(0, progress.undecided - 1) });

/** Pure: the row after one event (null before the campaign started). */
export function evolveAccessReviewRow(row: AccessReviewRow | null, event: AccessReviewEvent): AccessReviewRow | null {
  switch (event.type) {
    case 'AccessReviewStarted': {
      if (row !== null) return row;
      const { accessReviewId, items, ...data } = event.data;
      const reviewerIds = [...new Set(items.flatMap((item) => (item.reviewerId === null ? [] : [item.reviewerId])))];
      const progress = { kept: 0, revoked: 0, defaulted: 0, undecided: items.length };
      return { id: accessReviewId, ...data, status: 'open', progress, reviewerIds, anyManager: items.some((item) => item.reviewerId === null) };
    }
    case 'AccessReviewItemDecided':
      return row === null ? null : { ...row, progress: bump(row.progress, event.data.decision === 'keep' ? 'kept' : 'revoked') };
    case 'AccessReviewItemDefaulted':
      return row === null ? null : { ...row, progress: bump(row.progress, 'defaulted') };
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

/** Newest first; `reader` null lists every campaign, else those with an item the reader reviews. */
export async function listAccessReviews(
  sql: SqlQueryable,
  filter: { readonly reviewer: string | null; readonly managerReviewer: boolean; readonly status?: 'open' | 'closed'; readonly after?: readonly [string, string]; readonly limit: number },
): Promise<AccessReviewRow[]> {
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
