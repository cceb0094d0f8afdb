import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';

const pending = new Map<string, number>();

/** Flushed at scrape time (prom-client `collect`), so the hot path only bumps a Map entry. */
const decisions = new Counter({
  name: 'authz_check_decisions_total',
  help: 'Check decisions by reason',
  labelNames: ['reason'],
  collect() {
    for (const [reason, n] of pending) this.inc({ reason }, n);
    pending.clear();
  },
});

@Injectable()
export class CheckMetrics {
  readonly counter = decisions;

  count(reason: string): void {
    pending.set(reason, (pending.get(reason) ?? 0) + 1);
  }
}
