import { Module, type Provider } from '@nestjs/common';
import { PermissionIndexModule } from '../checks/permission-index.module.js';
import { PermissionIndexService } from '../checks/permission-index.service.js';
import { QueriesModule } from '../queries/queries.module.js';
import { ReadModelConsistency } from '../queries/read-model-consistency.js';
import { HealthController } from './health.controller.js';
import { READINESS_PROBES } from './readiness.js';

const HEALTH_PROVIDERS: Provider[] = [
  { provide: READINESS_PROBES, useFactory: (index: PermissionIndexService, models: ReadModelConsistency) => [index, models], inject: [PermissionIndexService, ReadModelConsistency] },
];

/** /health/live and /health/ready: ready once the permission index and the read models have caught up. */
@Module({
  imports: [PermissionIndexModule, QueriesModule],
  controllers: [HealthController],
  providers: HEALTH_PROVIDERS,
})
export class HealthModule {}
