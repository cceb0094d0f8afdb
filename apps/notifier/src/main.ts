/**
 * The notifications worker as its own process (SPEC §12): the notifications reactor on its own
 * processor host, and the dispatcher delivering by e-mail (SMTP_URL) and webhook (WEBHOOK_URL).
 * Ready once the reactor has caught up with the log; an unreachable channel shows in the detail
 * (and in /metrics) without making it unready — its notifications wait.
 */
import { type NotificationDispatcher } from '../../../libs/notifications/src/delivery/notification-dispatcher.js';
import { NOTIFICATION_DISPATCHER, NotificationsWorkerModule } from '../../../libs/notifications/src/notifications-worker.module.js';
import { runWorker } from '../../../libs/platform/src/run-worker.js';
import type { ProcessorHost } from '../../../libs/processors/src/host.js';
import { PROCESSOR_HOST } from '../../../libs/processors/src/processor-host.module.js';

runWorker({
  name: 'notifier',
  module: NotificationsWorkerModule,
  health: async (app) => {
    const { ready, head, processors } = await app.get<ProcessorHost>(PROCESSOR_HOST).readiness();
    return { live: true, ready, detail: { head, processors, channels: app.get<NotificationDispatcher>(NOTIFICATION_DISPATCHER).channelHealth() } };
  },
});
