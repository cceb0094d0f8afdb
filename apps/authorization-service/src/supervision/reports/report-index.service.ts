import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { type ReportState, reportDecider } from '../../../../../libs/domain/src/index.js';
import { EVENT_STORE, type EventStore, type RecordedEvent, START, type Subscription } from '../../../../../libs/event-store/src/index.js';
import { APP_CONFIG, type AppConfig } from '../../../../../libs/platform/src/index.js';
import { UnavailableError } from '../../shared/application-errors.js';
import { type ReportView, reportView } from './report-view.js';
import { refuseUnwritten } from '../../queries/read-model-consistency.js';

interface Entry {
  readonly filedPosition: string;
  readonly filedAt: string | null;
  readonly state: Exclude<ReportState, { status: 'none' }>;
}

/**
 * This replica's in-memory list of reports (low volume), fed by a catch-up subscription to the
 * event store, for `GET /v1/reports`. A single report is read from its own stream instead.
 */
@Injectable()
export class ReportIndexService implements OnModuleInit, OnApplicationShutdown {
  private readonly reports = new Map<string, Entry>();
  private subscription: Subscription | null = null;
  private position: string = START;
  private readonly logger = new Logger('ReportIndex');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      let caughtUp = false;
      this.subscription = this.store.subscribeToAll({
        after: START,
        batchSize: 2000,
        onEvent: (event) => this.apply(event),
        onCaughtUp: () => {
          caughtUp = true;
          resolve();
        },
        onError: (error: unknown) => {
          this.logger.error({ err: error }, 'subscription failed');
          if (!caughtUp) reject(error instanceof Error ? error : new Error(String(error)));
        },
      });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
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

  /** Polls until the index has applied `token` (read-your-writes), then 503 after the bounded wait. */
  async waitFor(token: string | null): Promise<void> {
    if (token === null || token <= this.position) return;
    await refuseUnwritten(this.store, token);
    const deadline = Date.now() + this.config.consistencyWaitMs;
    while (token !== null && token > this.position) {
      if (Date.now() >= deadline) throw new UnavailableError('CONSISTENCY_TIMEOUT', `the report index has not reached position ${token} yet; retry`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
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
