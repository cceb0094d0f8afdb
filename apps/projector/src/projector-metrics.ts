/** Prometheus metrics of the projector, on prom-client's default registry (served by /metrics). */
import { Counter, Gauge, Histogram, register } from 'prom-client';

const existing = <T>(name: string): T | undefined => register.getSingleMetric(name) as T | undefined;

/** Registered once per process however many projectors run (tests start several). */
export function projectorMetrics() {
  return {
    position:
      existing<Gauge<'projection'>>('projector_position') ??
      new Gauge({ name: 'projector_position', help: 'Global sequence number of the last event applied to the read models', labelNames: ['projection'] }),
    head:
      existing<Gauge<'projection'>>('projector_head_position') ??
      new Gauge({ name: 'projector_head_position', help: 'Global sequence number of the newest event in the store, when last measured', labelNames: ['projection'] }),
    lagEvents:
      existing<Gauge<'projection'>>('projector_lag_events') ??
      new Gauge({ name: 'projector_lag_events', help: 'head - position (exact on PostgreSQL; approximate on EventStoreDB)', labelNames: ['projection'] }),
    lagSeconds:
      existing<Gauge<'projection'>>('projector_lag_seconds') ??
      new Gauge({ name: 'projector_lag_seconds', help: 'Age of the last event applied while behind (0 when caught up)', labelNames: ['projection'] }),
    applied:
      existing<Counter<'projection'>>('projector_events_applied_total') ??
      new Counter({ name: 'projector_events_applied_total', help: 'Events applied to the read models', labelNames: ['projection'] }),
    errors:
      existing<Counter<'projection'>>('projector_errors_total') ??
      new Counter({ name: 'projector_errors_total', help: 'Failed batch applications (retried)', labelNames: ['projection'] }),
    batchSeconds:
      existing<Histogram<'projection'>>('projector_batch_seconds') ??
      new Histogram({ name: 'projector_batch_seconds', help: 'Time to apply one batch', labelNames: ['projection'], buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5] }),
  };
}
export type ProjectorMetrics = ReturnType<typeof projectorMetrics>;
