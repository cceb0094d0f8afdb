/**
 * The projector: the SQL read models and the KPI facts, each one projection of the process's processor host. Needs
 * EVENT_STORE and SQL_CLIENT from the composing app (PlatformModule provides both).
 */
import { Module } from '@nestjs/common';
import { ProcessorHostModule, registerProcessor } from '../../../libs/processors/src/processor-host.module.js';
import { kpiFactsProjection } from '../../../libs/read-models/src/kpis/kpi.store.js';
import { readModelsProjection } from '../../../libs/read-models/src/postgres/read-model.store.js';
import { ReadModelsModule } from '../../../libs/read-models/src/read-models.module.js';
import { AuditAnchorSignerModule } from '../../../libs/read-models/src/audit/anchors/audit-anchors.module.js';

export const READ_MODELS_PROCESSOR = Symbol('READ_MODELS_PROCESSOR');
export const KPI_FACTS_PROCESSOR = Symbol('KPI_FACTS_PROCESSOR');

@Module({
  imports: [AuditAnchorSignerModule, ReadModelsModule, ProcessorHostModule],
  providers: [
    registerProcessor(READ_MODELS_PROCESSOR, { create: () => readModelsProjection() }),
    registerProcessor(KPI_FACTS_PROCESSOR, { create: () => kpiFactsProjection() }),
  ],
  exports: [ReadModelsModule],
})
export class ProjectorModule {}
