import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/index.js';
import { EVENT_STORE, type EventStore, isPosition, START } from '../../../../libs/event-store/src/index.js';
import { ReadModelQueries } from '../../../../libs/read-models/src/index.js';
import type { ReadinessProbe } from '../health/readiness.js';
import { InvalidRequestError, UnavailableError } from '../shared/application-errors.js';

const invalidToken = (why: string): InvalidRequestError => InvalidRequestError.fields(`the consistency token ${why}`, { consistency: [why] });

/** Reads X-Consistency-Token (or a body's `consistency.atLeast`): a position by the store's grammar, else 400. */
export function consistencyToken(header: unknown, body?: { consistency?: { atLeast?: unknown } } | null): string | null {
  // Both are checked: a malformed header is refused even when the body's token is the one that counts.
  const fromHeader = parseToken(header);
  return parseToken(body?.consistency?.atLeast) ?? fromHeader;
}

function parseToken(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !isPosition(value)) throw invalidToken('is not one this service issued');
  return value;
}

/**
 * A token ahead of what this replica has read is worth waiting for only if the store has written
 * that far: every token the service issues is at or behind the store's head. One beyond it was made
 * up (or comes from another store) and would only hold a connection for the whole wait: 400 at once.
 */
export async function refuseUnwritten(store: Pick<EventStore, 'headPosition' | 'writtenPosition'>, token: string): Promise<void> {
  // The store's written position only grows: a token at or before one seen already needs no query.
  if (token <= (writtenSeen.get(store) ?? START)) return;
  const written = store.writtenPosition ? await store.writtenPosition() : await store.headPosition();
  if (written > (writtenSeen.get(store) ?? START)) writtenSeen.set(store, written);
  if (token > written) throw invalidToken('is beyond anything the store has written');
}

/** Per store, the highest written position `refuseUnwritten` has read. */
const writtenSeen = new WeakMap<object, string>();

/**
 * Read-your-writes for the SQL read models: waits until the projector's checkpoint has reached the
 * token, polling (the projector may be another process), then 503 after the bounded wait.
 */
@Injectable()
export class ReadModelConsistency implements ReadinessProbe {
  readonly name = 'readModels';
  private last = '0';

  constructor(
    private readonly queries: ReadModelQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async waitFor(token: string | null): Promise<void> {
    if (token === null || token <= this.last) return;
    await refuseUnwritten(this.store, token);
    const deadline = Date.now() + this.config.consistencyWaitMs;
    for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
      this.last = await this.queries.checkpoint();
      if (token <= this.last) return;
      if (Date.now() >= deadline) throw new UnavailableError('CONSISTENCY_TIMEOUT', `the read models have not reached position ${token} yet; retry`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  /** The projector's checkpoint as stored now (it may run in another process). */
  async check(head: string | null): Promise<{ ready: boolean; position: string | null; lagging: boolean }> {
    this.last = await this.queries.checkpoint();
    return { ready: true, position: this.last, lagging: head !== null && head > this.last };
  }
}
