/** Prometheus metrics of notification delivery, on prom-client's default registry (served by /metrics). */
import { Counter, Gauge, register } from 'prom-client';

const existing = <T>(name: string): T | undefined => register.getSingleMetric(name) as T | undefined;

/** Registered once per process however many dispatchers run (tests start several). */
export function notificationMetrics() {
  return {
    delivered:
      existing<Counter<'channel'>>('notifications_delivered_total') ??
      new Counter({ name: 'notifications_delivered_total', help: 'Notifications delivered, by channel', labelNames: ['channel'] }),
    attemptsFailed:
      existing<Counter<'channel'>>('notifications_delivery_attempts_failed_total') ??
      new Counter({ name: 'notifications_delivery_attempts_failed_total', help: 'Delivery attempts that failed and will be retried or given up', labelNames: ['channel'] }),
    failed:
      existing<Counter<'channel'>>('notifications_failed_total') ??
      new Counter({ name: 'notifications_failed_total', help: 'Notifications given up after the retry budget (GET /v1/notifications/failed)', labelNames: ['channel'] }),
    dropped:
      existing<Counter<'channel'>>('notifications_dropped_total') ??
      new Counter({ name: 'notifications_dropped_total', help: 'Pending notifications dropped as older than NOTIFY_MAX_AGE_HOURS when their channel could send', labelNames: ['channel'] }),
    channelUp:
      existing<Gauge<'channel'>>('notifications_channel_up') ??
      new Gauge({ name: 'notifications_channel_up', help: '1 when the last delivery attempt on the channel succeeded, 0 when it failed', labelNames: ['channel'] }),
  };
}
