import { Inject, Injectable, Optional } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../../../libs/event-store/src/index.js';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/index.js';
import type { ProcessorHost } from '../../../../libs/processors/src/host.js';
import { PROCESSOR_HOST } from '../../../../libs/processors/src/processor-host.module.js';
import { hostedProcessor, storedCheckpoint, waitForPosition } from '../../../../libs/processors/src/wait-for-position.js';
import { type EmployeeKpis, KPI_PROJECTION, type Period, queryKpis } from '../../../../libs/read-models/src/kpis/index.js';
import { SQL_CLIENT, type SqlClient } from '../../../../libs/sql/src/sql-client.port.js';
import { UnavailableError } from '../shared/application-errors.js';

const WARNINGS_PROJECTION = 'records.warnings';
import type { ReadScope } from './supervision-access.js';

/**
 * KPIs on demand: the supervision facts (the `kpis` projection, hosted by the projector) are
 * awaited up to the head of the log as the request found it, so an answer reflects every event
 * committed before the request; the decision log is aggregated in SQL.
 */
@Injectable()
export class KpiService {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(PROCESSOR_HOST) private readonly host: ProcessorHost | null,
  ) {}

  /** Resolves once the facts reflect the head of the log; 503 CONSISTENCY_TIMEOUT after the bounded wait. */
  async caughtUp(): Promise<void> {
    const head = await this.events.headPosition();
    const source = this.host?.names().includes(KPI_PROJECTION) === true ? hostedProcessor(this.host, KPI_PROJECTION) : storedCheckpoint(this.sql, KPI_PROJECTION);
    if (!(await waitForPosition(source, head, this.config.consistencyWaitMs))) {
      throw new UnavailableError('CONSISTENCY_TIMEOUT', 'the KPI facts have not reached the head of the log yet; retry');
    }
    // Warnings are a record kind hosted by the API (libs/read-models/src/records).
    if (this.host?.names().includes(WARNINGS_PROJECTION) === true && !(await waitForPosition(hostedProcessor(this.host, WARNINGS_PROJECTION), head, this.config.consistencyWaitMs))) {
      throw new UnavailableError('CONSISTENCY_TIMEOUT', 'the warnings have not reached the head of the log yet; retry');
    }
  }

  async kpis(period: Period, scope: ReadScope): Promise<EmployeeKpis[]> {
    await this.caughtUp();
    switch (scope.kind) {
      case 'all':
        return queryKpis(this.sql, period);
      case 'team':
        return queryKpis(this.sql, period, { team: scope.team });
      case 'employee':
        return queryKpis(this.sql, period, { employeeIds: [scope.employeeId] });
      default: {
        const _exhaustive: never = scope;
        return _exhaustive;
      }
    }
  }
}
