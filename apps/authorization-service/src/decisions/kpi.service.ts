import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../../../libs/event-store/src/index.js';
import { type EmployeeKpis, KpiStore, type Period, queryKpis } from '../../../../libs/read-models/src/kpis/index.js';
import { SQL_CLIENT, type SqlClient } from '../../../../libs/sql/src/sql-client.port.js';
import type { ReadScope } from './supervision-access.js';

/**
 * KPIs on demand: the supervision facts are caught up from the event store first (one catch-up at
 * a time per replica; the store's advisory lock serialises replicas), so an answer reflects every
 * event committed before the request; the decision log is aggregated in SQL.
 */
@Injectable()
export class KpiService {
  private readonly store: KpiStore;
  private catchingUp: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {
    this.store = new KpiStore(sql);
  }

  catchUp(): Promise<unknown> {
    this.catchingUp = this.catchingUp.catch(() => undefined).then(() => this.store.catchUp(this.events));
    return this.catchingUp;
  }

  async kpis(period: Period, scope: ReadScope): Promise<EmployeeKpis[]> {
    await this.catchUp();
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
