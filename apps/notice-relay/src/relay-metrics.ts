/** Prometheus metrics of the relay, on prom-client's default registry (served by /metrics). */
import { Counter, Gauge, register } from 'prom-client';

const existing = <T>(name: string): T | undefined => register.getSingleMetric(name) as T | undefined;

/** Per topic, the relay leading it in this process: asked for its lag when /metrics is scraped. */
export const lagSources = new Map<string, { lagSeconds(): number }>();

/** Registered once per process however many relays run (tests start several). */
export function relayMetrics() {
  return {
    published:
      existing<Counter<'topic'>>('notice_relay_published_total') ??
      new Counter({ name: 'notice_relay_published_total', help: 'Notices acknowledged by Kafka', labelNames: ['topic'] }),
    errors:
      existing<Counter<'topic' | 'kind'>>('notice_relay_errors_total') ??
      new Counter({ name: 'notice_relay_errors_total', help: 'Relay errors by kind (publish, mapping, rejected, checkpoint, lease, subscription)', labelNames: ['topic', 'kind'] }),
    lag:
      existing<Gauge<'topic'>>('notice_relay_lag_seconds') ??
      new Gauge({
        name: 'notice_relay_lag_seconds',
        help: 'Age of the oldest event not yet acknowledged by Kafka (0 when caught up); grows while Kafka is down or the relay is halted',
        labelNames: ['topic'],
        collect() {
          for (const [topic, source] of lagSources) this.set({ topic }, source.lagSeconds());
        },
      }),
    halted:
      existing<Gauge<'topic'>>('notice_relay_halted') ??
      new Gauge({ name: 'notice_relay_halted', help: '1 when the relay stopped on a notice it can never publish', labelNames: ['topic'] }),
    leader:
      existing<Gauge<'topic'>>('notice_relay_leader') ??
      new Gauge({ name: 'notice_relay_leader', help: '1 while this process holds the relay lease', labelNames: ['topic'] }),
  };
}
export type RelayMetrics = ReturnType<typeof relayMetrics>;
