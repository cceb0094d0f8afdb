/** Prometheus metrics of the processors, on prom-client's default registry (served by /metrics), labelled by processor name. */
import { Counter, Gauge, Histogram, register } from 'prom-client';
import type { Position } from '../../event-store/src/event-store.port.js';
import { decodePosition } from '../../event-store/src/position.js';

const existing = <T>(name: string): T | undefined => register.getSingleMetric(name) as T | undefined;

/** Registered once per process however many hosts run (tests start several). */
export function processorMetrics() {
  return {
    position:
      existing<Gauge<'processor'>>('processor_position') ??
      new Gauge({ name: 'processor_position', help: 'Global sequence number of the last event the processor handled', labelNames: ['processor'] }),
    lagEvents:
      existing<Gauge<'processor'>>('processor_lag_events') ??
      new Gauge({ name: 'processor_lag_events', help: 'Head of the log minus the processor position, when last measured (exact on PostgreSQL)', labelNames: ['processor'] }),
    leader:
      existing<Gauge<'processor'>>('processor_leading') ??
      new Gauge({ name: 'processor_leading', help: '1 while the processor runs here (a leader reactor holding its lease), else 0', labelNames: ['processor'] }),
    events:
      existing<Counter<'processor'>>('processor_events_total') ??
      new Counter({ name: 'processor_events_total', help: 'Events handed to the processor (its checkpoint moved past them)', labelNames: ['processor'] }),
    errors:
      existing<Counter<'processor'>>('processor_errors_total') ??
      new Counter({ name: 'processor_errors_total', help: 'Failed batches (retried with backoff)', labelNames: ['processor'] }),
    batchSeconds:
      existing<Histogram<'processor'>>('processor_batch_seconds') ??
      new Histogram({ name: 'processor_batch_seconds', help: 'Time to handle one batch', labelNames: ['processor'], buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5] }),
  };
}
export type ProcessorMetrics = ReturnType<typeof processorMetrics>;

/** The sequence part of a position as a number, for metrics only (positions stay opaque otherwise). */
export const sequenceOf = (position: Position): number | null => {
  try {
    const value = Number(decodePosition(position)[1]);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
};
