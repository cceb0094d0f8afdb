import { Module, type Provider } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { BatchedDecisionLog, DECISION_LOG_OPTIONS, DEFAULT_DECISION_LOG_OPTIONS } from './batched-decision-log.js';
import { DECISION_LOG } from './decision-log.port.js';
import { GetKpisController } from './get-kpis/get-kpis.controller.js';
import { InspectionSampleController } from './inspection-sample/inspection-sample.controller.js';
import { KpiService } from './kpi.service.js';
import { ListDecisionsController } from './list-decisions/list-decisions.controller.js';
import { SupervisionAccess } from './supervision-access.js';

const DECISION_CONTROLLERS = [ListDecisionsController, InspectionSampleController, GetKpisController];
const DECISION_PROVIDERS: Provider[] = [
  { provide: DECISION_LOG_OPTIONS, useValue: DEFAULT_DECISION_LOG_OPTIONS },
  BatchedDecisionLog,
  { provide: DECISION_LOG, useExisting: BatchedDecisionLog },
  SupervisionAccess,
  KpiService,
];

/** The decision log (checks with `"record": true`), GET /v1/decisions, spot-check samples and KPIs. */
@Module({
  imports: [DirectoryModule],
  controllers: DECISION_CONTROLLERS,
  providers: DECISION_PROVIDERS,
  exports: [DECISION_LOG, BatchedDecisionLog, KpiService],
})
export class DecisionsModule {}
