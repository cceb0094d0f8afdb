/**
 * Works through the deliveries the reactor queued: at-least-once, with exponential backoff (the
 * first retry within 60 s), a bounded retry budget after which a delivery is `failed` (listed and
 * counted), and an age bound: a delivery whose channel could not send until it was older than
 * `maxAgeMs` is dropped and counted. A channel the deployment has not configured is not claimed at
 * all, so its deliveries wait, unchanged, until it is. Claims are leased, so several instances
 * share the work and a crash mid-send retries after the lease.
 */
import type { Catalogue } from '../../../domain/src/catalogue/catalogue.js';
import { notificationMetrics } from '../notification-metrics.js';
import type { Channel, DueDelivery, NotificationStore } from '../notification.store.js';
import { renderNotification } from '../render.js';
import type { NotificationChannel } from './channel.js';

export interface RetryPolicy {
  /** Delay before the first retry; doubles per attempt (default 5 s). */
  readonly baseMs: number;
  /** Longest delay between attempts (default 10 min). */
  readonly maxMs: number;
  /** Attempts in all before a delivery is given up (default 8: retries 5 s … 320 s apart, about 11 minutes in all). */
  readonly attempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 5_000, maxMs: 600_000, attempts: 8 };

export type ChannelHealth = 'up' | 'unreachable' | 'not-configured';

export interface DispatcherLogger {
  warn(context: object, message: string): void;
}

export interface DispatcherOptions {
  readonly store: NotificationStore;
  readonly channels: readonly NotificationChannel[];
  readonly catalogue: Catalogue;
  /** NOTIFY_MAX_AGE_HOURS in ms. */
  readonly maxAgeMs: number;
  readonly retry?: RetryPolicy;
  /** How often due deliveries are looked for without a wake-up (default 1 s). */
  readonly pollMs?: number;
  /** Deliveries per round (default 50). */
  readonly batchSize?: number;
  /** How long a claim lasts before another instance may retry it (default 2 min, beyond any send timeout). */
  readonly leaseMs?: number;
  readonly clock?: () => Date;
  readonly logger?: DispatcherLogger;
}

export const retryDelayMs = (policy: RetryPolicy, attemptsSoFar: number): number => Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attemptsSoFar - 1));

/** Error text safe to store and list: no URL credentials, bounded. */
const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error)).replace(/\/\/[^/@\s]*@/g, '//***@').slice(0, 500);

export class NotificationDispatcher {
  private readonly metrics = notificationMetrics();
  private readonly retry: RetryPolicy;
  private readonly clock: () => Date;
  private readonly health = new Map<Channel, ChannelHealth>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private again = false;
  private stopped = true;

  constructor(private readonly options: DispatcherOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.clock = options.clock ?? (() => new Date());
    for (const channel of options.channels) this.health.set(channel.name, 'up');
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.nudge();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    for (const channel of this.options.channels) await channel.close();
  }

  /** Something was queued: look now rather than at the next poll. */
  nudge(): void {
    if (this.stopped) return;
    this.again = true;
    this.running = this.running.then(() => this.loop());
  }

  /** Each configured channel's state by its last attempt; the others are `not-configured`. */
  channelHealth(): Readonly<Record<Channel, ChannelHealth>> {
    return { email: this.health.get('email') ?? 'not-configured', webhook: this.health.get('webhook') ?? 'not-configured' };
  }

  /** One round: claims what is due and attempts each; resolves to how many were attempted. */
  async deliverDue(): Promise<number> {
    const now = this.clock();
    const channels = this.options.channels.map((c) => c.name);
    const due = await this.options.store.claimDue(channels, now, this.options.batchSize ?? 50, this.options.leaseMs ?? 120_000);
    await Promise.all(due.map((delivery) => this.attempt(delivery)));
    return due.length;
  }

  private async loop(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    while (this.again && !this.stopped) {
      this.again = false;
      try {
        if ((await this.deliverDue()) > 0) this.again = true;
      } catch (error: unknown) {
        this.options.logger?.warn({ err: error }, 'notification delivery round failed; retrying');
      }
    }
    if (!this.stopped) {
      this.timer = setTimeout(() => this.nudge(), this.options.pollMs ?? 1_000);
      this.timer.unref();
    }
  }

  private async attempt(delivery: DueDelivery): Promise<void> {
    const { notification, channel: name } = delivery;
    const channel = this.options.channels.find((c) => c.name === name);
    if (channel === undefined) return;
    const now = this.clock();
    if (now.getTime() - Date.parse(notification.createdAt) > this.options.maxAgeMs) {
      await this.options.store.dropped(notification.id, name, now);
      this.metrics.dropped.inc({ channel: name });
      return;
    }
    // The store's reads and writes are outside the send's try: a store outage fails the round (the
    // lease makes it retry), it is not the channel's failure.
    const recipient = await this.options.store.recipient(notification.recipientId);
    const texts = renderNotification(notification, recipient.language, this.options.catalogue);
    try {
      await channel.send({ notification, texts, language: recipient.language, recipientName: recipient.name, address: delivery.address });
    } catch (error: unknown) {
      await this.failedAttempt(delivery, error);
      return;
    }
    this.setHealth(name, 'up');
    await this.options.store.delivered(notification.id, name, this.clock());
    this.metrics.delivered.inc({ channel: name });
  }

  private async failedAttempt(delivery: DueDelivery, error: unknown): Promise<void> {
    const { notification, channel: name } = delivery;
    const reason = describe(error);
    this.metrics.attemptsFailed.inc({ channel: name });
    this.setHealth(name, 'unreachable');
    const attempts = delivery.attempts + 1;
    if (attempts >= this.retry.attempts) {
      await this.options.store.failed(notification.id, name, reason, this.clock());
      this.metrics.failed.inc({ channel: name });
      this.options.logger?.warn({ notificationId: notification.id, channel: name, attempts, reason }, 'notification given up after its retry budget');
      return;
    }
    await this.options.store.retryLater(notification.id, name, reason, new Date(this.clock().getTime() + retryDelayMs(this.retry, attempts)));
  }

  private setHealth(channel: Channel, health: ChannelHealth): void {
    this.health.set(channel, health);
    this.metrics.channelUp.set({ channel }, health === 'up' ? 1 : 0);
  }
}

/**
 * The channels for /health/ready: an unreachable channel shows there (and in
 * `notifications_channel_up`) without making the service unready — its notifications wait.
 */
export const notificationsProbe = (dispatcher: NotificationDispatcher) => ({
  name: 'notifications',
  check: () => ({ ready: true, position: null, lagging: false, channels: dispatcher.channelHealth() }),
});
