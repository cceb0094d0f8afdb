import { Module, type Provider } from '@nestjs/common';
import { type NotificationDispatcher, notificationsProbe } from '../../../../libs/notifications/src/delivery/notification-dispatcher.js';
import { NOTIFICATION_DISPATCHER } from '../../../../libs/notifications/src/notifications-worker.module.js';
import { PermissionIndexModule } from '../checks/permission-index.module.js';
import { PermissionIndexService } from '../checks/permission-index.service.js';
import { QueriesModule } from '../queries/queries.module.js';
import { ReadModelConsistency } from '../queries/read-model-consistency.js';
import { HealthController } from './health.controller.js';
import { READINESS_PROBES } from './readiness.js';

const HEALTH_PROVIDERS: Provider[] = [
  {
    provide: READINESS_PROBES,
    // The notification channels show where this process delivers them (the all-in-one).
    useFactory: (index: PermissionIndexService, models: ReadModelConsistency, dispatcher?: NotificationDispatcher) => [index, models, ...(dispatcher ? [notificationsProbe(dispatcher)] : [])],
    inject: [PermissionIndexService, ReadModelConsistency, { token: NOTIFICATION_DISPATCHER, optional: true }],
  },
];

/** /health/live and /health/ready: ready once the permission index and the read models have caught up. */
@Module({
  imports: [PermissionIndexModule, QueriesModule],
  controllers: [HealthController],
  providers: HEALTH_PROVIDERS,
})
export class HealthModule {}
