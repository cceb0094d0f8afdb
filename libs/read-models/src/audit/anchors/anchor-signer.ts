/**
 * The anchor signer (SPEC §12): a leader reactor over the log that keeps the ONE global audit chain
 * (the export's: entries in log order, first `prevHash` 64 zeros, anchors not counted) and appends
 * `AuditAnchored` to stream `audit-anchors` every `every` entries or `minutes` minutes, whichever
 * comes first, never without new entries.
 *
 * The chain head (position, count, hash) is kept in its own row and moves forward only, so a
 * replayed batch (the host retries from its checkpoint) is skipped, and an anchor written before a
 * crash is written again with the same event id (derived from its position): the store keeps one.
 * Time-due anchors come from a tick (`tickMs`, 1 s; `start`), since no batch may come when the log is
 * quiet; a tick in an instance that does not lead reads the head the leader keeps.
 */
import { v5 as uuidv5 } from 'uuid';
import type { AuditAnchored } from '../../../../domain/src/audit/audit-anchor.events.js';
import { auditAnchorEvents } from '../../../../domain/src/codec/event-codec.js';
import { ConcurrencyError, type EventStore, type RecordedEvent } from '../../../../event-store/src/event-store.port.js';
import type { Reactor, ReactorContext } from '../../../../processors/src/processor.js';
import type { SqlQueryable } from '../../../../sql/src/sql-client.port.js';
import { isAuditEntry, toAuditEntry } from '../audit-entry.projection.js';
import { chainEntry } from '../audit-export.js';
import { ANCHOR_STREAM, type AuditAnchor } from '../proof/audit-anchor.js';
import { GENESIS_HASH } from '../proof/verify-record.js';
import type { AnchorSigningKey } from './anchor-signing-key.js';

export const AUDIT_ANCHOR_SIGNER = 'audit-anchor-signer';
export const AUDIT_ANCHORED: AuditAnchored['type'] = 'AuditAnchored';
const ANCHOR_NAMESPACE = '6b3c1f0e-5a0d-4c8e-9f51-2d7a0c4b9e13';
const ACTOR = { id: 'audit-anchor-signer', kind: 'system' } as const;

/** The deterministic id of the anchor at `position`: a retry or a second instance writes it once. */
export const anchorEventId = (position: string): string => uuidv5(`audit-anchor:${position}`, ANCHOR_NAMESPACE);

export interface ChainHead {
  position: string;
  count: number;
  hash: string;
  /** `count` at the last anchor. */
  anchoredCount: number;
  /** The last anchor's `at`, or when the first entry after it was chained: the time-due anchor is `minutes` later. */
  since: string | null;
  /** Revision of the last event of `audit-anchors` (-1: none yet). */
  revision: number;
}

export const ANCHOR_SIGNER_SCHEMA: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS audit_anchor_chain (
     name text PRIMARY KEY,
     position text COLLATE "C" NOT NULL,
     count bigint NOT NULL,
     hash text NOT NULL,
     anchored_count bigint NOT NULL,
     since text,
     revision integer NOT NULL)`,
];

export interface AnchorSignerOptions {
  readonly events: Pick<EventStore, 'append' | 'readStream'>;
  readonly key: AnchorSigningKey;
  readonly every: number;
  readonly minutes: number;
  readonly now?: () => Date;
  readonly tickMs?: number;
  readonly onError?: (error: unknown) => void;
  readonly onAnchor?: (anchor: AuditAnchor) => void;
}

export interface AnchorSigner extends Reactor {
  /** Writes a time-due anchor now if one is due (the tick calls it). */
  readonly tick: (sql: SqlQueryable) => Promise<AuditAnchor | null>;
  /** Starts the tick that writes time-due anchors (every `tickMs`, in every instance: one id per position). */
  readonly start: (sql: SqlQueryable) => void;
  readonly stop: () => void;
}

const readHead = async (sql: SqlQueryable): Promise<ChainHead> => {
  const { rows } = await sql.query<{ position: string; count: string | number; hash: string; anchored_count: string | number; since: string | null; revision: number }>(
    'SELECT position, count, hash, anchored_count, since, revision FROM audit_anchor_chain WHERE name = $1',
    [AUDIT_ANCHOR_SIGNER],
  );
  const row = rows[0];
  if (row === undefined) return { position: '0', count: 0, hash: GENESIS_HASH, anchoredCount: 0, since: null, revision: -1 };
  return { position: row.position, count: Number(row.count), hash: row.hash, anchoredCount: Number(row.anchored_count), since: row.since, revision: Number(row.revision) };
};

/** Forward only: a deposed leader still finishing a batch cannot move the head back. */
const writeHead = async (sql: SqlQueryable, head: ChainHead): Promise<void> => {
  await sql.query(
    `INSERT INTO audit_anchor_chain (name, position, count, hash, anchored_count, since, revision) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, count = EXCLUDED.count, hash = EXCLUDED.hash,
       anchored_count = GREATEST(audit_anchor_chain.anchored_count, EXCLUDED.anchored_count), since = EXCLUDED.since,
       revision = GREATEST(audit_anchor_chain.revision, EXCLUDED.revision)
     WHERE audit_anchor_chain.count <= EXCLUDED.count`,
    [AUDIT_ANCHOR_SIGNER, head.position, head.count, head.hash, head.anchoredCount, head.since, head.revision],
  );
};

const storedAnchor = (stream: readonly RecordedEvent[], id: string): AuditAnchor | null => {
  const found = stream.find((event) => event.id === id);
  return found === undefined ? null : (auditAnchorEvents.decode(found)?.data ?? null);
};

/** The stored chain head (for the runner's start position and for tests). */
export const readChainHead = readHead;

export const auditAnchorSigner = (options: AnchorSignerOptions): AnchorSigner => {
  const now = options.now ?? (() => new Date());
  const minutesMs = options.minutes * 60_000;
  let head: ChainHead | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;

  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const anchor = async (sql: SqlQueryable, current: ChainHead): Promise<AuditAnchor> => {
    const signed = options.key.sign({ position: current.position, count: current.count, hash: current.hash, at: now().toISOString() });
    const id = anchorEventId(signed.position);
    const anchored: AuditAnchored = { type: AUDIT_ANCHORED, data: signed, metadata: { occurredAt: signed.at, actor: ACTOR, correlationId: id, causationId: id } };
    const event = { id, type: anchored.type, data: anchored.data, metadata: { ...anchored.metadata } };
    let expected = current.revision;
    let kept: AuditAnchor = signed;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const result = await options.events.append(ANCHOR_STREAM, [event], { expectedRevision: expected < 0 ? 'no_stream' : expected });
        current.revision = result.nextRevision;
        // Written before a crash: the log keeps the first signature, and so does the list.
        if (result.duplicate) kept = storedAnchor(await options.events.readStream(ANCHOR_STREAM), id) ?? signed;
        break;
      } catch (error: unknown) {
        // Another writer appended meanwhile (a second instance, or this one before a crash): its revision, then again.
        if (!(error instanceof ConcurrencyError) || attempt >= 3) throw error;
        expected = error.actual === 'no_stream' ? -1 : error.actual;
      }
    }
    current.anchoredCount = current.count;
    current.since = kept.at;
    options.onAnchor?.(kept);
    return kept;
  };

  const timeDue = (current: ChainHead): boolean =>
    current.count > current.anchoredCount && current.since !== null && now().getTime() - Date.parse(current.since) >= minutesMs;

  /** Whether this instance runs the reactor now (the host handed it a batch under its lease): its head in memory is current. */
  let leading = false;

  const tick = (sql: SqlQueryable): Promise<AuditAnchor | null> =>
    serial(async () => {
      // Another instance may lead: read the head it keeps. Its anchor and ours have the same id.
      const current = leading && head !== null ? head : await readHead(sql);
      if (leading) head = current;
      if (!timeDue(current)) return null;
      const written = await anchor(sql, current);
      await writeHead(sql, current);
      return written;
    });

  const stop = (): void => {
    if (timer !== null) clearInterval(timer);
    timer = null;
    head = null;
    leading = false;
  };

  const start = (sql: SqlQueryable): void => {
    if (timer !== null) return;
    timer = setInterval(() => void tick(sql).catch((error: unknown) => options.onError?.(error)), options.tickMs ?? 1000);
    timer.unref();
  };

  const lose = (): void => {
    head = null;
    leading = false;
  };

  const react = (events: readonly RecordedEvent[], context: ReactorContext): Promise<void> =>
    serial(async () => {
      if (!leading && !context.signal.aborted) context.signal.addEventListener('abort', lose, { once: true });
      leading = !context.signal.aborted;
      // Reloaded after a lost lease: another instance may have moved it meanwhile.
      head ??= await readHead(context.sql);
      const current = head;
      try {
        for (const recorded of events) {
          if (!isAuditEntry(recorded) || recorded.position <= current.position) continue;
          current.hash = chainEntry(toAuditEntry(recorded), current.hash).hash;
          current.count += 1;
          current.position = recorded.position;
          current.since ??= now().toISOString();
          if (current.count - current.anchoredCount >= options.every) await anchor(context.sql, current);
        }
        if (timeDue(current)) await anchor(context.sql, current);
        await writeHead(context.sql, current);
      } catch (error: unknown) {
        head = null; // the batch is retried from the stored head
        throw error;
      }
    });

  return { kind: 'reactor', name: AUDIT_ANCHOR_SIGNER, leader: true, schema: ANCHOR_SIGNER_SCHEMA, react, tick, start, stop };
};
