/**
 * Runs the notice reactor (./notice-reactor.ts: event store → notice sources → Kafka) in its own
 * process, at least once and never skipping (SPEC §8, STYLE §14), until the processor host
 * (libs/processors) hosts it: there it is one registration line, `noticeReactor({...})`.
 *
 * Order of work for each batch: the reactor maps and publishes it, and only after Kafka
 * acknowledged every message is the position of the batch's last event stored. A crash between the
 * two republishes the batch (duplicates, same `ce_id`), never loses it. While Kafka is down the
 * batch is retried with backoff and the subscription waits (backpressure). One relay per topic is
 * active at a time: a lease row renewed periodically; the position write is fenced by the lease.
 * A notice that can never be published halts the relay (error log + metric) instead of skipping it.
 * The leader is not ready while Kafka does not answer (a failed send, or a probe while idle), and
 * its lag (age of the oldest event not yet acknowledged) keeps growing meanwhile.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { EventStore, Position, RecordedEvent, Subscription } from '../../../libs/event-store/src/event-store.port.js';
import type { SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import type { Reactor } from '../../../libs/processors/src/processor.js';
import type { NoticeDisplayNames } from '../../../libs/contracts/src/index.js';
import {
  NoticeMappingError,
  NoticeRejectedError,
  type NoticeMessage,
  type NoticePublisher,
  type NoticeSourceRegistry,
} from '../../../libs/messaging/src/index.js';
import { noticeReactor, noticeReactorName } from './notice-reactor.js';
import { RelayStore } from './relay-store.js';
import { lagSources, relayMetrics, type RelayMetrics } from './relay-metrics.js';

export interface RelayLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface NoticeRelayOptions {
  readonly topic: string;
  /** Distinguishes this process in the lease row. */
  readonly owner?: string;
  readonly batchSize?: number;
  /** How long a batch waits for more events before it is sent. */
  readonly lingerMs?: number;
  readonly leaseTtlMs?: number;
  readonly leaseRenewMs?: number;
  readonly backoffInitialMs?: number;
  readonly backoffMaxMs?: number;
  /** How often the leader checks that Kafka answers while it has nothing to send (default: the lease renewal interval). */
  readonly kafkaProbeMs?: number;
  readonly matterNames?: (matter: string) => NoticeDisplayNames | null;
  readonly source?: string;
  /** The notice sources (default: every source of the service). */
  readonly sources?: NoticeSourceRegistry;
  readonly logger?: RelayLogger;
}

export type RelayState = 'idle' | 'disabled' | 'standby' | 'leading' | 'halted' | 'stopped';

const silent: RelayLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export class NoticeRelay {
  private readonly store: RelayStore;
  private readonly metrics: RelayMetrics = relayMetrics();
  private readonly owner: string;
  private readonly log: RelayLogger;
  private state: RelayState = 'idle';
  private subscription: Subscription | null = null;
  private leaseTimer: NodeJS.Timeout | null = null;
  private lastRenewal = 0;
  private ticking: Promise<void> = Promise.resolve();
  private pending: RecordedEvent[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private flushTimer: NodeJS.Timeout | null = null;
  private generation = 0;
  private wake: (() => void) | null = null;
  private committed: Position | null = null;
  private topicReady = false;
  /** First event of the batch being sent; the event a halt stopped on. Both are "not yet published". */
  private inFlight: RecordedEvent | null = null;
  private haltedOn: RecordedEvent | null = null;
  private kafkaDown: { readonly since: number; readonly error: string } | null = null;
  private lastContact = 0;
  private probing: Promise<void> | null = null;
  private readonly reactor: Reactor | null;
  private abort = new AbortController();

  /** `publisher` null: Kafka is not configured; the relay does nothing and its position stays where it was. */
  constructor(
    private readonly events: EventStore,
    private readonly sql: SqlClient,
    private readonly publisher: NoticePublisher | null,
    private readonly options: NoticeRelayOptions,
  ) {
    this.store = new RelayStore(sql, noticeReactorName(options.topic));
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.log = options.logger ?? silent;
    this.reactor =
      publisher === null
        ? null
        : noticeReactor({
            topic: options.topic,
            events,
            publisher: this.observed(publisher),
            ...(options.sources ? { sources: options.sources } : {}),
            ...(options.matterNames ? { matterNames: options.matterNames } : {}),
            ...(options.source ? { source: options.source } : {}),
            ...(options.batchSize ? { batchSize: options.batchSize } : {}),
          });
  }

  /** The publisher as the reactor sees it: every answer (or silence) of Kafka updates readiness. */
  private observed(publisher: NoticePublisher): NoticePublisher {
    return {
      ensureTopic: () => this.answered(publisher.ensureTopic()),
      publish: async (messages: readonly NoticeMessage[]) => {
        await this.answered(publisher.publish(messages));
        this.metrics.published.inc({ topic: this.options.topic }, messages.length);
      },
      reachable: () => publisher.reachable(),
      close: () => publisher.close(),
    };
  }

  get status(): RelayState {
    return this.state;
  }

  /**
   * Ready: standing by, disabled, or leading while Kafka answers. Not ready: starting, stopped,
   * halted, or leading while Kafka is unreachable (the notices wait, nothing is lost).
   */
  get ready(): boolean {
    if (this.state === 'standby' || this.state === 'disabled') return true;
    return this.state === 'leading' && this.kafkaDown === null;
  }

  /** Kafka as the leader last saw it: null before it first tried. */
  get kafka(): { readonly reachable: boolean; readonly since?: string; readonly error?: string } | null {
    if (this.kafkaDown) return { reachable: false, since: new Date(this.kafkaDown.since).toISOString(), error: this.kafkaDown.error };
    return this.lastContact > 0 ? { reachable: true } : null;
  }

  /** Age in seconds of the oldest event not yet acknowledged by Kafka; 0 when nothing waits. */
  lagSeconds(now = Date.now()): number {
    const oldest = this.haltedOn ?? this.inFlight ?? this.pending[0];
    return oldest ? Math.max(0, (now - Date.parse(oldest.recordedAt)) / 1000) : 0;
  }

  /** The last position stored after Kafka acknowledged (null before the first batch of this process). */
  get position(): Position | null {
    return this.committed;
  }

  async start(): Promise<void> {
    if (this.state !== 'idle' && this.state !== 'stopped') return;
    if (this.publisher === null) {
      this.state = 'disabled';
      this.log.info({ topic: this.options.topic }, 'KAFKA_BROKERS not set: notice relay disabled, nothing is published and nothing is lost');
      return;
    }
    await this.store.migrate();
    this.haltedOn = null;
    this.kafkaDown = null;
    this.state = 'standby';
    await this.tick();
  }

  /** Stops publishing. `releaseLease: false` leaves the lease to expire, as a crashed process would. */
  async stop(options: { readonly releaseLease?: boolean } = {}): Promise<void> {
    if (this.state === 'idle' || this.state === 'disabled' || this.state === 'stopped') {
      this.state = 'stopped';
      return;
    }
    const wasLeading = this.state === 'leading' || this.state === 'halted';
    this.state = 'stopped';
    this.abort.abort();
    if (this.leaseTimer) clearTimeout(this.leaseTimer);
    await this.ticking;
    await this.probing;
    this.stopReportingLag();
    await this.unsubscribe();
    if (wasLeading && options.releaseLease !== false) {
      await this.store.release(this.owner).catch((error: unknown) => this.log.warn({ err: error }, 'could not release the relay lease'));
    }
    this.metrics.leader.set({ topic: this.options.topic }, 0);
    await this.publisher?.close();
  }

  // ---- leadership ----------------------------------------------------------

  private get ttl(): number {
    return this.options.leaseTtlMs ?? 15_000;
  }

  private tick(): Promise<void> {
    this.ticking = this.leaseTick();
    return this.ticking;
  }

  private async leaseTick(): Promise<void> {
    if (this.state === 'stopped') return;
    try {
      const held = await this.store.acquire(this.owner, this.ttl);
      if (held) {
        this.lastRenewal = Date.now();
        if (this.state === 'standby') await this.lead();
      } else if (this.state === 'leading' || this.state === 'halted') {
        await this.follow('another relay holds the lease');
      }
    } catch (error: unknown) {
      this.metrics.errors.inc({ topic: this.options.topic, kind: 'lease' });
      this.log.warn({ err: error }, 'relay lease renewal failed');
      if ((this.state === 'leading' || this.state === 'halted') && Date.now() - this.lastRenewal > this.ttl) await this.follow('lease expired');
    }
    if (this.state === 'leading' && this.inFlight === null && Date.now() - this.lastContact >= this.probeInterval) void this.probe();
    if ((this.state as RelayState) !== 'stopped') {
      this.leaseTimer = setTimeout(() => void this.tick(), this.options.leaseRenewMs ?? Math.max(50, Math.floor(this.ttl / 3)));
    }
  }

  private get probeInterval(): number {
    return this.options.kafkaProbeMs ?? this.options.leaseRenewMs ?? Math.max(50, Math.floor(this.ttl / 3));
  }

  /** While idle nothing else would notice that Kafka went away: ask it (one probe at a time). */
  private probe(): Promise<void> {
    this.probing ??= this.publisher!
      .reachable()
      .then(
        () => this.kafkaAnswered(),
        (error: unknown) => this.kafkaFailed(error),
      )
      .finally(() => {
        this.probing = null;
      });
    return this.probing;
  }

  private async answered(request: Promise<void>): Promise<void> {
    try {
      await request;
    } catch (error: unknown) {
      if (!(error instanceof NoticeRejectedError)) this.kafkaFailed(error);
      throw error;
    }
    this.kafkaAnswered();
  }

  private kafkaAnswered(): void {
    this.lastContact = Date.now();
    if (this.kafkaDown) this.log.info({ topic: this.options.topic, downForMs: Date.now() - this.kafkaDown.since }, 'Kafka answers again');
    this.kafkaDown = null;
  }

  private kafkaFailed(error: unknown): void {
    if (!this.kafkaDown) this.log.warn({ topic: this.options.topic, err: error }, 'Kafka does not answer: relay not ready, notices wait');
    this.kafkaDown ??= { since: Date.now(), error: error instanceof Error ? error.message : String(error) };
  }

  private stopReportingLag(): void {
    if (lagSources.get(this.options.topic) !== this) return;
    lagSources.delete(this.options.topic);
    // A standby does not report the lag it had as leader.
    this.metrics.lag.remove({ topic: this.options.topic });
  }

  private async lead(): Promise<void> {
    this.state = 'leading';
    this.abort = new AbortController();
    this.metrics.leader.set({ topic: this.options.topic }, 1);
    lagSources.set(this.options.topic, this);
    void this.probe();
    this.log.info({ topic: this.options.topic, owner: this.owner }, 'notice relay took the lease');
    try {
      await this.subscribe();
    } catch (error: unknown) {
      // Still holding the lease: the next tick tries again.
      this.state = 'standby';
      this.metrics.leader.set({ topic: this.options.topic }, 0);
      throw error;
    }
  }

  private async follow(reason: string): Promise<void> {
    this.log.warn({ topic: this.options.topic, reason }, 'notice relay lost the lease; standing by');
    this.state = 'standby';
    this.abort.abort();
    this.metrics.leader.set({ topic: this.options.topic }, 0);
    this.stopReportingLag();
    this.kafkaDown = null;
    await this.unsubscribe();
  }

  // ---- subscription and batching -------------------------------------------

  private async subscribe(): Promise<void> {
    const generation = ++this.generation;
    const after = await this.store.position();
    this.committed = after;
    if (generation !== this.generation || this.state !== 'leading') return;
    this.subscription = this.events.subscribeToAll({
      after,
      batchSize: this.options.batchSize ?? 500,
      onEvent: (event) => this.onEvent(event, generation),
      onCaughtUp: () => {
        if (generation === this.generation) this.scheduleFlush(generation, 0);
      },
      onError: (error) => void this.onSubscriptionError(error, generation),
    });
  }

  private async unsubscribe(): Promise<void> {
    this.generation++;
    this.wake?.();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    const subscription = this.subscription;
    this.subscription = null;
    this.pending = [];
    await subscription?.stop().catch((error: unknown) => this.log.warn({ err: error }, 'subscription stop failed'));
    await this.flushing;
  }

  private async onSubscriptionError(error: unknown, generation: number): Promise<void> {
    if (generation !== this.generation || this.state !== 'leading') return;
    this.metrics.errors.inc({ topic: this.options.topic, kind: 'subscription' });
    this.log.error({ err: error }, 'event store subscription failed; resubscribing from the stored position');
    await this.unsubscribe();
    // The store may still be down: retry (at most 1 s apart) until subscribed, unless leadership or a newer subscription moved on.
    let delay = this.options.backoffInitialMs ?? 200;
    for (let current = this.generation; this.state === 'leading' && current === this.generation; current = this.generation) {
      await this.sleep(delay);
      // Another subscribe (a new lead) may have succeeded meanwhile: never replace a live subscription.
      if (this.state !== 'leading' || current !== this.generation || this.subscription !== null) return;
      try {
        await this.subscribe();
        return;
      } catch (retryError: unknown) {
        this.log.warn({ err: retryError, retryInMs: delay }, 'could not resubscribe to the event store; retrying');
        delay = Math.min(delay * 2, 1_000);
      }
    }
  }

  private async onEvent(event: RecordedEvent, generation: number): Promise<void> {
    if (generation !== this.generation) return;
    this.pending.push(event);
    if (this.pending.length >= (this.options.batchSize ?? 500)) await this.flush(generation);
    else this.scheduleFlush(generation, this.options.lingerMs ?? 5);
  }

  private scheduleFlush(generation: number, delayMs: number): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.flush(generation);
    }, delayMs);
  }

  /** Serialized: one batch in flight at a time, so positions are stored in order. */
  private flush(generation: number): Promise<void> {
    this.flushing = this.flushing
      .then(() => this.flushOnce(generation))
      .catch((error: unknown) => this.log.error({ err: error }, 'notice relay flush failed'));
    return this.flushing;
  }

  private async flushOnce(generation: number): Promise<void> {
    const batch = this.pending;
    if (batch.length === 0 || generation !== this.generation) return;
    this.pending = [];
    this.inFlight = batch[0]!;
    try {
      await this.send(batch, generation);
    } finally {
      this.inFlight = null;
    }
  }

  private async send(batch: readonly RecordedEvent[], generation: number): Promise<void> {
    const reactor = this.reactor!;
    const followed = batch.filter((event) => reactor.accepts?.(event) ?? true);
    const last = batch[batch.length - 1]!;
    let delay = this.options.backoffInitialMs ?? 200;
    while (followed.length > 0 && generation === this.generation && this.state === 'leading') {
      try {
        await reactor.react(followed, { sql: this.sql, signal: this.abort.signal });
        break;
      } catch (error: unknown) {
        if (error instanceof NoticeMappingError) {
          this.halt(followed.find((event) => event.id === error.eventId) ?? followed[0]!, error, 'mapping');
          return;
        }
        if (error instanceof NoticeRejectedError) {
          this.halt(followed[0]!, error, 'rejected');
          return;
        }
        this.metrics.errors.inc({ topic: this.options.topic, kind: 'publish' });
        this.log.warn({ err: error, retryInMs: delay, events: followed.length }, 'the notice batch was not published; retrying');
        await this.sleep(delay);
        delay = Math.min(delay * 2, this.options.backoffMaxMs ?? 10_000);
      }
    }
    if (generation !== this.generation || this.state !== 'leading') return;
    await this.savePosition(last, generation);
  }

  private async savePosition(last: RecordedEvent, generation: number): Promise<void> {
    let delay = this.options.backoffInitialMs ?? 200;
    while (generation === this.generation && this.state === 'leading') {
      try {
        if (!(await this.store.savePosition(this.owner, last.position))) {
          await this.follow('lease lost before the position was stored');
          return;
        }
        this.committed = last.position;
        return;
      } catch (error: unknown) {
        this.metrics.errors.inc({ topic: this.options.topic, kind: 'checkpoint' });
        this.log.warn({ err: error }, 'could not store the relay position; retrying');
        await this.sleep(delay);
        // The store, not Kafka: at most 1 s apart, so the relay resumes soon after PostgreSQL returns.
        delay = Math.min(delay * 2, this.options.backoffMaxMs ?? 1_000);
      }
    }
  }

  private halt(event: RecordedEvent, error: unknown, kind: 'mapping' | 'rejected'): void {
    this.state = 'halted';
    this.haltedOn = event;
    this.generation++;
    this.pending = [];
    this.metrics.errors.inc({ topic: this.options.topic, kind });
    this.metrics.halted.set({ topic: this.options.topic }, 1);
    this.log.error(
      { err: error, eventId: event.id, eventType: event.type, streamId: event.streamId, position: event.position },
      'notice relay halted: this event can never be published; fix it and restart (it is not skipped)',
    );
    const subscription = this.subscription;
    this.subscription = null;
    void subscription?.stop().catch(() => undefined);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const wake = (): void => done();
      this.wake = wake;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}
