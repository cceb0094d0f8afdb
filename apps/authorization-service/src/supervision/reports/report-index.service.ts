import { Inject, Injectable } from '@nestjs/common';
import { type ReportState, reportDecider } from '../../../../../libs/domain/src/index.js';
import { EVENT_STORE, type EventStore, type RecordedEvent, START } from '../../../../../libs/event-store/src/index.js';
import { APP_CONFIG, type AppConfig } from '../../../../../libs/platform/src/index.js';
import type { ProcessorHost } from '../../../../../libs/processors/src/host.js';
import type { MemoryProjection } from '../../../../../libs/processors/src/processor.js';
import { PROCESSOR_HOST } from '../../../../../libs/processors/src/processor-host.module.js';
import { hostedProcessor, type PositionSource } from '../../../../../libs/processors/src/wait-for-position.js';
import { type ReportView, reportView } from './report-view.js';
import { awaitConsistency } from '../../queries/read-model-consistency.js';

export const REPORT_INDEX_PROCESSOR_NAME = 'report-index';

interface Entry {
  readonly filedPosition: string;
  readonly filedAt: string | null;
  readonly state: Exclude<ReportState, { status: 'none' }>;
}

/**
 * This replica's in-memory list of reports (low volume), a memory projection of the process's
 * processor host, for `GET /v1/reports`. A single report is read from its own stream instead.
 */
@Injectable()
export class ReportIndexService {
  private readonly reports = new Map<string, Entry>();
  private position: string = START;
  private readonly source: PositionSource;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PROCESSOR_HOST) host: ProcessorHost,
  ) {
    host.register(this.processor());
    this.source = hostedProcessor(host, REPORT_INDEX_PROCESSOR_NAME);
  }

  /** The index as a memory projection of the process's host (registered by the constructor: one per app). */
  private processor(): MemoryProjection {
    return {
      kind: 'memory',
      name: REPORT_INDEX_PROCESSOR_NAME,
      batchSize: 2000,
      apply: (events) => {
        for (const event of events) this.apply(event);
      },
      // Small (reports are few), but without it a replica would read the whole log at every start.
      snapshot: {
        format: 'report-index/1',
        save: () => JSON.stringify({ position: this.position, reports: [...this.reports] }),
        load: (data) => {
          const saved = JSON.parse(data) as { position?: unknown; reports?: unknown };
          if (typeof saved.position !== 'string' || !Array.isArray(saved.reports)) throw new Error('not a report-index/1 snapshot');
          this.reports.clear();
          for (const [id, entry] of saved.reports as [string, Entry][]) this.reports.set(id, entry);
          this.position = saved.position;
        },
        everyEvents: 100_000,
        everyMs: 10 * 60_000,
      },
    };
  }

  private apply(event: RecordedEvent): void {
    this.position = event.position;
    if (!event.streamId.startsWith('report-')) return;
    const id = event.streamId.slice('report-'.length);
    const decoded = reportDecider.codec.decode(event);
    if (decoded === null) return;
    const before = this.reports.get(id);
    const state = reportDecider.evolve(before?.state ?? reportDecider.initialState(), decoded);
    if (state.status === 'none') return;
    const occurredAt = event.metadata['occurredAt'];
    this.reports.set(id, {
      filedPosition: before?.filedPosition ?? event.position,
      filedAt: before?.filedAt ?? (typeof occurredAt === 'string' ? occurredAt : null),
      state,
    });
  }

  /** Resolves once the index has applied `token` (read-your-writes); 503 after the bounded wait. */
  async waitFor(token: string | null): Promise<void> {
    if (token === null || token <= this.position) return;
    await awaitConsistency(this.store, this.source, token, this.config.consistencyWaitMs, 'the report index');
  }

  /** Reports in filing order after `afterPosition`, with the filing position as the sort key. */
  list(filter: (view: ReportView) => boolean, afterPosition: string | null): { readonly key: string; readonly view: ReportView }[] {
    return [...this.reports.values()]
      .filter((entry) => afterPosition === null || entry.filedPosition > afterPosition)
      .sort((a, b) => (a.filedPosition < b.filedPosition ? -1 : 1))
      .map((entry) => ({ key: entry.filedPosition, view: reportView(entry.state, entry.filedAt) }))
      .filter(({ view }) => filter(view));
  }
}
