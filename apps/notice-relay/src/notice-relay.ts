/**
 * The notice relay: the notice reactor (./notice-reactor.ts: event store → notice sources → Kafka)
 * on the processor host (libs/processors), plus what operators see of it — readiness while Kafka
 * answers, the lag, halts and metrics (SPEC §8, STYLE §14, §16a).
 *
 * The host feeds it batches in log order from its one subscription and moves its checkpoint only
 * once the reactor resolved, i.e. once Kafka acknowledged every message of the batch: a crash in
 * between republishes the batch (duplicates, same `ce_id`), never loses it. One relay per topic
 * leads: the host holds the lease (`leader: true`). While Kafka is down the host retries the batch
 * with backoff and the reactor reports not ready; its lag (age of the oldest event not yet
 * acknowledged) keeps growing meanwhile. A notice that can never be published halts the relay
 * (error log + metric; each retry fails at once) instead of skipping it, until a restart.
 *
 * In a process with other processors the relay registers with the process's host (the module);
 * constructed without one it runs a host of its own (the suites, a bare relay).
 */
import type { EventStore, Position, RecordedEvent } from '../../../libs/event-store/src/event-store.port.js';
import type { SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { ProcessorHost } from '../../../libs/processors/src/host.js';
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
import { lagSources, relayMetrics, type RelayMetrics } from './relay-metrics.js';

export interface RelayLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface NoticeRelayOptions {
  readonly topic: string;
  /** The process's processor host; without one the relay runs a host of its own. */
  readonly host?: ProcessorHost;
  /** Distinguishes this process in the lease row (own host only). */
  readonly owner?: string;
  readonly batchSize?: number;
  /** Lease and retry timings of its own host. */
  readonly leaseTtlMs?: number;
  readonly leaseRenewMs?: number;
  readonly backoffInitialMs?: number;
  readonly backoffMaxMs?: number;
  /** How often the leader checks that Kafka answers while it has nothing to send (default 5 s, or the lease renewal interval). */
  readonly kafkaProbeMs?: number;
  readonly matterNames?: (matter: string) => NoticeDisplayNames | null;
  readonly source?: string;
  /** The notice sources (default: every source of the service). */
  readonly sources?: NoticeSourceRegistry;
  readonly logger?: RelayLogger;
}

export type RelayState = 'idle' | 'disabled' | 'standby' | 'leading' | 'halted' | 'stopped';

const silent: RelayLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** How often a halted relay lets the host retry (and log) the batch it cannot publish. */
const HALTED_RETRY_MS = 30_000;

const abortableSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });

export class NoticeRelay {
  private readonly metrics: RelayMetrics = relayMetrics();
  private readonly log: RelayLogger;
  private readonly name: string;
  /** The reactor the host runs; null when Kafka is not configured (nothing is consumed, the checkpoint stays). */
  readonly processor: Reactor | null;
  private readonly host: ProcessorHost | null;
  private readonly ownHost: boolean;
  private started = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  /** First event of the batch being published; the event a halt stopped on. Both are "not yet published". */
  private inFlight: RecordedEvent | null = null;
  private haltedOn: { readonly event: RecordedEvent; readonly error: unknown } | null = null;
  private kafkaDown: { readonly since: number; readonly error: string } | null = null;
  private lastContact = 0;
  private probing: Promise<void> | null = null;
  private wasLeading = false;

  /** `publisher` null: Kafka is not configured; the relay does nothing and its position stays where it was. */
  constructor(
    events: EventStore,
    sql: SqlClient,
    private readonly publisher: NoticePublisher | null,
    private readonly options: NoticeRelayOptions,
  ) {
    this.log = options.logger ?? silent;
    this.name = noticeReactorName(options.topic);
    this.processor = publisher === null ? null : this.guarded(this.reactorOf(events, publisher));
    this.ownHost = options.host === undefined && this.processor !== null;
    this.host =
      options.host ??
      (this.processor === null
        ? null
        : new ProcessorHost({
            events,
            sql,
            processors: [this.processor],
            ...(options.owner ? { holder: options.owner } : {}),
            ...(options.leaseTtlMs ? { leaseTtlMs: options.leaseTtlMs } : {}),
            ...(options.leaseRenewMs ? { leaseRenewMs: options.leaseRenewMs } : {}),
            ...(options.backoffInitialMs ? { retryInitialMs: options.backoffInitialMs } : {}),
            ...(options.backoffMaxMs ? { retryMaxMs: options.backoffMaxMs } : {}),
            logger: this.log,
          }));
  }

  get status(): RelayState {
    if (this.processor === null) return this.started && !this.stopped ? 'disabled' : this.stopped ? 'stopped' : 'idle';
    if (this.stopped) return 'stopped';
    if (!this.started) return 'idle';
    if (!this.leading) return 'standby';
    return this.haltedOn ? 'halted' : 'leading';
  }

  /**
   * Ready: standing by, disabled, or leading while Kafka answers. Not ready: starting, stopped,
   * halted, or leading while Kafka is unreachable (the notices wait, nothing is lost).
   */
  get ready(): boolean {
    const status = this.status;
    if (status === 'standby' || status === 'disabled') return true;
    return status === 'leading' && this.kafkaDown === null;
  }

  /** Kafka as the leader last saw it: null before it first tried. */
  get kafka(): { readonly reachable: boolean; readonly since?: string; readonly error?: string } | null {
    if (this.kafkaDown) return { reachable: false, since: new Date(this.kafkaDown.since).toISOString(), error: this.kafkaDown.error };
    return this.lastContact > 0 ? { reachable: true } : null;
  }

  /** Age in seconds of the oldest event not yet acknowledged by Kafka; 0 when nothing waits. */
  lagSeconds(now = Date.now()): number {
    const oldest = this.haltedOn?.event ?? this.inFlight;
    return oldest ? Math.max(0, (now - Date.parse(oldest.recordedAt)) / 1000) : 0;
  }

  /** The position of the last event handled (published or not a notice); null before the relay started with Kafka. */
  get position(): Position | null {
    return this.host !== null && this.started && this.processor !== null ? this.host.position(this.name) : null;
  }

  /** Starts its own host, if it has one, and the Kafka probe; with the process's host, that host starts it. */
  async start(): Promise<void> {
    if (this.started && !this.stopped) return;
    this.started = true;
    this.stopped = false;
    if (this.processor === null) {
      this.log.info({ topic: this.options.topic }, 'KAFKA_BROKERS not set: notice relay disabled, nothing is published and nothing is lost');
      return;
    }
    if (this.ownHost) await this.host!.start();
    this.tick();
  }

  /** Stops the probe, its own host (the batch in flight finishes, the lease is released) and the Kafka client. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.probing;
    if (this.ownHost && this.started) await this.host!.stop();
    this.reportLeadership(false);
    await this.publisher?.close();
  }

  private get leading(): boolean {
    return this.host?.status().find((s) => s.name === this.name)?.leading ?? false;
  }

  private get probeInterval(): number {
    return this.options.kafkaProbeMs ?? this.options.leaseRenewMs ?? 5_000;
  }

  /** Periodically: leadership into the metrics, and a Kafka probe while leading with nothing in flight. */
  private tick(): void {
    if (this.stopped) return;
    const leading = this.leading;
    this.reportLeadership(leading);
    if (leading && this.inFlight === null && Date.now() - this.lastContact >= this.probeInterval) void this.probe();
    this.timer = setTimeout(() => this.tick(), Math.min(this.probeInterval, 1_000));
  }

  private reportLeadership(leading: boolean): void {
    if (leading === this.wasLeading) return;
    this.wasLeading = leading;
    this.metrics.leader.set({ topic: this.options.topic }, leading ? 1 : 0);
    if (leading) {
      lagSources.set(this.options.topic, this);
      this.log.info({ topic: this.options.topic }, 'notice relay leads');
      return;
    }
    this.kafkaDown = null;
    // A new leader hands the batch over again: what this instance had in flight is not its lag any more.
    this.inFlight = null;
    if (lagSources.get(this.options.topic) === this) {
      lagSources.delete(this.options.topic);
      // A standby does not report the lag it had as leader.
      this.metrics.lag.remove({ topic: this.options.topic });
    }
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

  private kafkaAnswered(): void {
    this.lastContact = Date.now();
    if (this.kafkaDown) this.log.info({ topic: this.options.topic, downForMs: Date.now() - this.kafkaDown.since }, 'Kafka answers again');
    this.kafkaDown = null;
  }

  private kafkaFailed(error: unknown): void {
    if (!this.kafkaDown) this.log.warn({ topic: this.options.topic, err: error }, 'Kafka does not answer: relay not ready, notices wait');
    this.kafkaDown ??= { since: Date.now(), error: error instanceof Error ? error.message : String(error) };
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

  private reactorOf(events: EventStore, publisher: NoticePublisher): Reactor {
    // The publisher as the reactor sees it: every answer (or silence) of Kafka updates readiness.
    const observed: NoticePublisher = {
      ensureTopic: () => this.answered(publisher.ensureTopic()),
      publish: async (messages: readonly NoticeMessage[]) => {
        await this.answered(publisher.publish(messages));
        this.metrics.published.inc({ topic: this.options.topic }, messages.length);
      },
      reachable: () => publisher.reachable(),
      close: () => publisher.close(),
    };
    return noticeReactor({
      topic: this.options.topic,
      events,
      publisher: observed,
      ...(this.options.sources ? { sources: this.options.sources } : {}),
      ...(this.options.matterNames ? { matterNames: this.options.matterNames } : {}),
      ...(this.options.source ? { source: this.options.source } : {}),
      ...(this.options.batchSize ? { batchSize: this.options.batchSize } : {}),
    });
  }

  /** The reactor with the relay's bookkeeping: what is in flight, errors by kind, halts. */
  private guarded(reactor: Reactor): Reactor {
    return {
      ...reactor,
      react: async (events, context) => {
        // Halted: every retry fails, the position never moves past the event. Slowly (or at once
        // when the host stops or loses the lease), so that a halt is not a log line per second.
        if (this.haltedOn) {
          await abortableSleep(HALTED_RETRY_MS, context.signal);
          throw this.haltedOn.error;
        }
        if (events.length === 0) return;
        this.inFlight = events[0]!;
        try {
          await reactor.react(events, context);
          this.inFlight = null;
        } catch (error: unknown) {
          if (error instanceof NoticeMappingError) this.halt(events.find((e) => e.id === error.eventId) ?? events[0]!, error, 'mapping');
          else if (error instanceof NoticeRejectedError) this.halt(events[0]!, error, 'rejected');
          else {
            this.metrics.errors.inc({ topic: this.options.topic, kind: 'publish' });
            this.log.warn({ err: error, events: events.length }, 'the notice batch was not published; the host retries it');
          }
          throw error;
        }
      },
    };
  }

  private halt(event: RecordedEvent, error: unknown, kind: 'mapping' | 'rejected'): void {
    this.haltedOn = { event, error };
    this.inFlight = null;
    this.metrics.errors.inc({ topic: this.options.topic, kind });
    this.metrics.halted.set({ topic: this.options.topic }, 1);
    this.log.error(
      { err: error, eventId: event.id, eventType: event.type, streamId: event.streamId, position: event.position },
      'notice relay halted: this event can never be published; fix it and restart (it is not skipped)',
    );
  }
}
