import { NotificationsWorkerModule } from '../../../libs/notifications/src/notifications-worker.module.js';
import { ExpirySchedulerModule } from '../../expiry-scheduler/src/expiry-scheduler.module.js';
import { NoticeRelayModule } from '../../notice-relay/src/notice-relay.module.js';
import { PeopleCascadeModule } from '../../people-cascade/src/people-cascade.module.js';
import { ProjectorModule } from '../../projector/src/projector.module.js';

/** The workers composed into the all-in-one process, each also runnable alone (apps/<name>/src/main.ts). */
export const BACKGROUND_MODULES = [ProjectorModule, NoticeRelayModule, ExpirySchedulerModule, PeopleCascadeModule, NotificationsWorkerModule] as const;
