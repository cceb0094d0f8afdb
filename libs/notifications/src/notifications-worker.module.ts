/**
 * The notifications worker as a Nest module: registers the reactor (a SqlProjection) with the
 * process's processor host (one line) and runs the dispatcher for the application's lifetime with the channels the
 * configuration names (SMTP_URL, WEBHOOK_URL). Global, so that health can show the channels.
 * Needs APP_CONFIG, CATALOGUE and SQL_CLIENT from the composing app (PlatformModule).
 */
import { Global, Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy, type Provider } from '@nestjs/common';
import type { Catalogue } from '../../domain/src/catalogue/catalogue.js';
import { CATALOGUE } from '../../platform/src/catalogue-loader.js';
import { APP_CONFIG, type AppConfig } from '../../platform/src/config.js';
import { ProcessorHostModule, registerProcessor } from '../../processors/src/processor-host.module.js';
import { SQL_CLIENT, type SqlClient } from '../../sql/src/sql-client.port.js';
import type { NotificationChannel } from './delivery/channel.js';
import { NotificationDispatcher } from './delivery/notification-dispatcher.js';
import { SmtpChannel } from './delivery/smtp-channel.js';
import { WebhookChannel } from './delivery/webhook-channel.js';
import { NotificationStore } from './notification.store.js';
import { notificationsProjection } from './notifications.reactor.js';

export const NOTIFICATION_DISPATCHER = Symbol('NOTIFICATION_DISPATCHER');
export const NOTIFICATIONS_PROCESSOR = Symbol('NOTIFICATIONS_PROCESSOR');

/** The deployment's channels: one per configured URL (none configured: nothing is sent, everything waits). */
export function channelsOf(config: AppConfig['notifications']): NotificationChannel[] {
  const channels: NotificationChannel[] = [];
  if (config.smtpUrl !== null) channels.push(new SmtpChannel({ url: config.smtpUrl, from: config.mailFrom }));
  if (config.webhookUrl !== null && config.webhookSecret !== null) channels.push(new WebhookChannel({ url: config.webhookUrl, secret: config.webhookSecret }));
  return channels;
}

@Injectable()
class DispatcherLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(NOTIFICATION_DISPATCHER) private readonly dispatcher: NotificationDispatcher) {}

  onApplicationBootstrap(): void {
    this.dispatcher.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.dispatcher.stop();
  }
}

const logger = new Logger('Notifications');

const PROVIDERS: Provider[] = [
  {
    provide: NOTIFICATION_DISPATCHER,
    useFactory: (config: AppConfig, catalogue: Catalogue, sql: SqlClient) =>
      new NotificationDispatcher({
        store: new NotificationStore(sql),
        channels: channelsOf(config.notifications),
        catalogue,
        maxAgeMs: config.notifications.maxAgeHours * 3_600_000,
        logger: { warn: (obj, msg) => logger.warn({ ...obj, msg }) },
      }),
    inject: [APP_CONFIG, CATALOGUE, SQL_CLIENT],
  },
  registerProcessor(NOTIFICATIONS_PROCESSOR, {
    inject: [NOTIFICATION_DISPATCHER],
    create: (dispatcher: NotificationDispatcher) => notificationsProjection({ onNotified: () => dispatcher.nudge() }),
  }),
  DispatcherLifecycle,
];

@Global()
@Module({ imports: [ProcessorHostModule], providers: PROVIDERS, exports: [NOTIFICATION_DISPATCHER] })
export class NotificationsWorkerModule {}
