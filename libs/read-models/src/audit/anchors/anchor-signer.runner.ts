/**
 * Runs the anchor signer on its own subscription until the processor host (libs/processors) runs it
 * with the others: then this file goes and the host gets `host.register(signer)`. Feeds it batches
 * (up to 500 events, or what arrived within 200 ms), and retries a failed batch with backoff.
 */
import type { EventStore, RecordedEvent, Subscription } from '../../../../event-store/src/event-store.port.js';
import type { SqlClient } from '../../../../sql/src/sql-client.port.js';
import { ANCHOR_SIGNER_SCHEMA, readChainHead, type AnchorSigner } from './anchor-signer.js';

export interface AnchorRunnerOptions {
  readonly events: Pick<EventStore, 'subscribeToAll'>;
  readonly sql: SqlClient;
  readonly signer: AnchorSigner;
  readonly onError?: (error: unknown) => void;
}

export class AnchorSignerRunner {
  private subscription: Subscription | null = null;
  private readonly abort = new AbortController();
  private buffer: RecordedEvent[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: AnchorRunnerOptions) {}

  async start(): Promise<void> {
    for (const statement of ANCHOR_SIGNER_SCHEMA) await this.options.sql.query(statement);
    const head = await readChainHead(this.options.sql);
    this.subscription = this.options.events.subscribeToAll({
      after: head.position,
      onEvent: async (event) => {
        this.buffer.push(event);
        if (this.buffer.length >= 500) await this.flush();
        else this.timer ??= setTimeout(() => void this.flush(), 200);
      },
      onCaughtUp: () => void this.flush(),
      onError: (error) => this.options.onError?.(error),
    });
  }

  /** Hands the buffered events to the signer; retries until it succeeds or the runner stops. */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(async () => {
      for (let delay = 50; !this.abort.signal.aborted; delay = Math.min(delay * 2, 5000)) {
        try {
          await this.options.signer.react(batch, { sql: this.options.sql, signal: this.abort.signal });
          return;
        } catch (error: unknown) {
          this.options.onError?.(error);
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    });
    return this.flushing;
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.flush();
    this.abort.abort();
    this.options.signer.stop();
  }
}
